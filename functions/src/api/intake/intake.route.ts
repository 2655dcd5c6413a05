import type { HttpRequest } from "@azure/functions";
import {
  type CreateOpportunityInput,
  createOpportunity,
  DomainError,
  type IntakeForm,
  intakeFormKeySchema,
  isDomainError,
  leadExternalId,
  mergeChangeSets,
  newNote,
  type Opportunity,
  type Outcome,
} from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../api-context.js";
import { systemContext } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { readRawBody } from "../http/request-body.js";
import { createFormIndex, type FormIndexRow } from "./form-index.js";
import { assertIntakeAuthentic } from "./intake-auth.js";
import { type IntakeLead, leadNoteText, readIntakeLead } from "./intake-fields.js";
import { nextRoundRobinOwner } from "./round-robin.js";
import { createSenderLimiter, DEFAULT_SENDER_LIMITS, type SenderLimits } from "./sender-limits.js";

const answerSchema = z.object({ opportunityId: z.string(), created: z.boolean() });

const unknownForm = () => new DomainError("not-found", "No such intake form.");

/**
 * POST /api/intake/{formKey} (SPEC §6): a lead from a web form or an ads platform. No bearer
 * token: the form's secret authenticates it. Authenticated first, then rate-limited per key,
 * so junk posted to a guessable key cannot make the form's real leads wait; failed attempts
 * have their own budget per client address (sender-limits.ts). Idempotent by externalId (a
 * replay answers 200 with the opportunity the first post created).
 */
export const intakeRoute = (deps: RouteDeps, limits: SenderLimits = DEFAULT_SENDER_LIMITS) => {
  const forms = createFormIndex(deps.store.storage);
  const senders = createSenderLimiter(limits, deps.clock, "leads for this form");

  const authenticate = async (formKey: string, request: HttpRequest) => {
    const body = await readRawBody(request);
    const row = await forms.get(formKey);
    if (row === null) throw unknownForm();
    const ctx = await systemContext(deps, row.tenantId);
    const form = ctx.settings.intakeForms.find((candidate) => candidate.key === row.key);
    if (form === undefined || !form.active) throw unknownForm();
    assertIntakeAuthentic(request, body, row.secret);
    return { body, row, ctx, form };
  };

  const ownerFor = async (
    form: IntakeForm,
    row: FormIndexRow,
    settings: Parameters<typeof nextRoundRobinOwner>[3],
  ) =>
    form.routing === "owner" ? form.ownerId : nextRoundRobinOwner(deps.store, forms, row, settings);

  const existing = async (tenantId: string, lead: IntakeLead) => {
    if (lead.externalId === null) return null;
    return deps.store.findOpportunityByExternalId(tenantId, leadExternalId(lead.externalId));
  };

  return defineApiRoute(deps, {
    name: "intake",
    method: "POST",
    route: "intake/{formKey}",
    summary: "Receive a lead from a web form (per-form secret or HMAC signature)",
    tag: "intake",
    auth: false,
    params: z.object({ formKey: intakeFormKeySchema }),
    rawBody: {
      contentTypes: ["application/json", "application/x-www-form-urlencoded"],
      description:
        "The lead: name (or first_name/last_name), email, phone, company, linkedinUrl, message, campaign, externalId, utm_*.",
    },
    responses: {
      201: { description: "The opportunity was created", schema: answerSchema },
      200: { description: "A replay of an externalId already received", schema: answerSchema },
      401: { description: "Missing or wrong secret or signature" },
      413: { description: "Body over 1 MiB" },
      415: { description: "Neither JSON nor form-encoded" },
      429: {
        description:
          "Too many leads for this form, or too many failed attempts from this address; see Retry-After",
      },
    },
    async handler({ params, request }) {
      const { body, row, ctx, form } = await senders.admit(request, params.formKey, () =>
        authenticate(params.formKey, request),
      );
      const lead = readIntakeLead(request, body);

      const replayed = await existing(row.tenantId, lead);
      if (replayed) return { status: 200, body: { opportunityId: replayed.id, created: false } };

      const input: CreateOpportunityInput = {
        contact: {
          name: lead.name ?? "",
          email: lead.email,
          phone: lead.phone,
          company: lead.company,
          linkedinUrl: lead.linkedinUrl,
        },
        source: form.source,
        campaign: lead.campaign ?? form.campaign,
        ownerId: null,
        pipelineId: form.pipelineId,
        externalId: lead.externalId === null ? null : leadExternalId(lead.externalId),
        origin: "intake",
      };
      // Validated unassigned first (pure, writes nothing), so a bad lead never moves the
      // round-robin cursor past a seller.
      createOpportunity(input, ctx);
      const created = createOpportunity(
        { ...input, ownerId: await ownerFor(form, row, ctx.settings) },
        ctx,
      );
      const text = leadNoteText(lead);
      const outcome: Outcome<Opportunity> =
        text === null
          ? created
          : {
              ...mergeChangeSets(created, newNote(created.value.id, text, ctx)),
              value: created.value,
            };
      try {
        await deps.store.commit(row.tenantId, outcome);
      } catch (error) {
        // Two posts of one lead at once: the second finds the first's unique `ext|` row.
        const winner =
          isDomainError(error) && error.code === "already-exists"
            ? await existing(row.tenantId, lead)
            : null;
        if (winner) return { status: 200, body: { opportunityId: winner.id, created: false } };
        throw error;
      }
      return { status: 201, body: { opportunityId: outcome.value.id, created: true } };
    },
  });
};
