import { firstContactTimes } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { allUsers } from "../../storage/all-users.js";
import { assertManager } from "../contact/discarded-query.js";
import { opportunitiesReceivedIn, periodOf, periodQuery } from "./report-period.js";

const firstContactTimesSchema = z.object({
  from: z.string(),
  to: z.string(),
  targetMinutes: z.number(),
  owners: z.array(
    z.object({
      ownerId: z.string().nullable(),
      ownerName: z.string().nullable(),
      count: z.number(),
      contacted: z.number(),
      medianMinutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
      breaches: z.number(),
    }),
  ),
});

export const firstContactTimesRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "reportFirstContactTimes",
    method: "GET",
    route: "reports/first-contact-times",
    summary:
      "Managers: per owner, the time to first contact of the opportunities received in the period (median, p90, breaches of the target)",
    tag: "Reports",
    query: periodQuery,
    responses: {
      200: {
        description:
          "Minutes; a breach is a first contact later than the target, or an opportunity still waiting past it",
        schema: firstContactTimesSchema,
      },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      await assertManager(deps, principal);
      const now = deps.clock();
      const period = periodOf(query, now);
      const { tenantId } = principal;
      const [opportunities, settings, users] = await Promise.all([
        opportunitiesReceivedIn(deps, tenantId, period),
        deps.store.getSettings(tenantId),
        allUsers(deps.store, tenantId),
      ]);
      const names = new Map(users.map((user) => [user.id, user.name]));
      const report = firstContactTimes(opportunities, {
        targetMinutes: settings.durations.firstContactTargetMinutes,
        now,
      });
      return {
        body: {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          targetMinutes: report.targetMinutes,
          owners: report.owners.map((owner) => ({
            ...owner,
            ownerName: owner.ownerId === null ? null : (names.get(owner.ownerId) ?? null),
          })),
        },
      };
    },
  });
