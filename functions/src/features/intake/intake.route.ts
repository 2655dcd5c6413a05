import type { HttpRequest } from "@azure/functions";
import { intakeAnswerSchema, intakeParams } from "@dealflow/contract";
import { DomainError, leadExternalId, signedLeadExternalId } from "@dealflow/core";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { readRawBody } from "../../api/http/request-body.js";
import { systemContext } from "../../service-kit/acting-context.js";
import { receiveLead } from "./intake.service.js";
import { assertIntakeAuthentic, type IntakeProof } from "./intake-auth.js";
import { type IntakeLead, readIntakeLead } from "./intake-fields.js";
import { createSenderLimiter, DEFAULT_SENDER_LIMITS, type SenderLimits } from "./sender-limits.js";

const unknownForm = () => new DomainError("not-found", "No such intake form.");

// RFC 9745: a signature of the body alone is deprecated since this date (docs/api.md).
const UNSTAMPED_SIGNATURE_DEPRECATION = { Deprecation: "@1796515200" };

/**
 * What finds this lead again when it is sent twice: the sender's own id, else the signature
 * of this very request (a replay carries the same one; a timestamped one only for 5 minutes),
 * each in its namespace (core external-id.ts). With the secret itself in X-Dealflow-Key there
 * is nothing to tell a resend from a new lead: whoever holds the secret can forge either.
 */
const replayKeyOf = (lead: IntakeLead, proof: IntakeProof): string | null => {
  if (lead.externalId !== null) return leadExternalId(lead.externalId);
  return proof.kind === "key" ? null : signedLeadExternalId(proof.signature);
};

/**
 * POST /api/intake/{formKey} (SPEC §6): a lead from a web form or an ads platform. No bearer
 * token: the form's secret authenticates it. Authenticated first, then rate-limited per key,
 * so junk posted to a guessable key cannot make the form's real leads wait; failed attempts
 * have their own budget per client address (sender-limits.ts). Idempotent by externalId, or
 * by signature without one (a replay answers 200 with the opportunity the first post created).
 */
export const intakeRoute = (deps: RouteDeps, limits: SenderLimits = DEFAULT_SENDER_LIMITS) => {
  const { forms } = deps.store;
  const senders = createSenderLimiter(limits, deps.clock, "leads for this form");

  const authenticate = async (formKey: string, request: HttpRequest) => {
    const body = await readRawBody(request);
    const row = await forms.get(formKey);
    if (row === null) throw unknownForm();
    const ctx = await systemContext(deps, row.tenantId);
    const form = ctx.settings.intakeForms.find((candidate) => candidate.key === row.key);
    if (form === undefined || !form.active) throw unknownForm();
    const proof = assertIntakeAuthentic(request, body, row.secret, ctx.now);
    return { body, row, ctx, form, proof };
  };

  return defineApiRoute(deps, {
    name: "intake",
    method: "POST",
    route: "intake/{formKey}",
    summary:
      "Receive a lead from a web form (per-form secret, or HMAC signature of `timestamp.body` with X-Dealflow-Timestamp)",
    tag: "intake",
    auth: false,
    params: intakeParams,
    rawBody: {
      contentTypes: ["application/json", "application/x-www-form-urlencoded"],
      description:
        "The lead: name (or first_name/last_name), email, phone, company, linkedinUrl, message, campaign, externalId, utm_*.",
    },
    responses: {
      201: { description: "The opportunity was created", schema: intakeAnswerSchema },
      200: {
        description: "A replay of an externalId (or a signed request) already received",
        schema: intakeAnswerSchema,
      },
      401: { description: "Missing or wrong secret or signature, or a stale timestamp" },
      413: { description: "Body over 1 MiB" },
      415: { description: "Neither JSON nor form-encoded" },
      429: {
        description:
          "Too many leads for this form, or too many failed attempts from this address; see Retry-After",
      },
    },
    async handler({ params, request, context }) {
      const { body, row, form, proof } = await senders.admit(request, params.formKey, () =>
        authenticate(params.formKey, request),
      );
      const lead = readIntakeLead(request, body);
      const replayKey = replayKeyOf(lead, proof);
      const headers = proof.kind === "unstamped-signature" ? UNSTAMPED_SIGNATURE_DEPRECATION : {};
      if (proof.kind === "unstamped-signature") {
        context.warn(`intake: form ${row.key} signs without X-Dealflow-Timestamp (deprecated)`);
      }
      const received = await receiveLead(deps, row, form, lead, replayKey);
      // A replay (the same external id or signature again) answers the first opportunity.
      return { status: received.created ? 201 : 200, headers, body: received };
    },
  });
};
