import { preferencesBody, preferencesSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { recordPreferences } from "./preferences.service.js";

/**
 * PUT /api/me/preferences: the tab sends the Teams language and the browser's time zone once a
 * session. Only the caller's own record: the route takes no user id, the token names the person.
 */
export const putPreferencesRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "putPreferences",
    method: "PUT",
    route: "me/preferences",
    summary: "Record the signed-in user's language and time zone",
    tag: "identity",
    body: preferencesBody,
    responses: {
      200: { description: "The recorded language and zone", schema: preferencesSchema },
      400: { description: "A language other than en/es or an unknown IANA zone" },
    },
    async handler({ principal, body }) {
      const person = { tenantId: principal.tenantId, userId: principal.userId };
      const user = (await recordPreferences(deps, person, body)) ?? principal.user;
      return { body: { locale: user.locale, timeZone: user.timeZone } };
    },
  });
