import { createHmac, randomUUID } from "node:crypto";
import type { ApiHarness, TestUser } from "../../../../tests/support/api-harness.js";

export type FormSpec = {
  name?: string;
  source?: string;
  campaign?: string;
  routing?: "round-robin" | "owner" | "offers";
  ownerId?: string;
  active?: boolean;
};

/** Adds intake forms to the tenant's settings as its manager would, and gives each a secret. */
export const arrangeForms = async (
  harness: ApiHarness,
  manager: TestUser,
  specs: FormSpec[],
): Promise<{ key: string; secret: string }[]> => {
  const current = await harness.call(manager, "GET", "/api/settings");
  const settings = current.body as { intakeForms: object[] };
  const forms = specs.map((spec) => ({
    key: `form-${randomUUID().slice(0, 12)}`,
    name: spec.name ?? "Website",
    source: spec.source ?? "web-form",
    ...spec,
  }));
  const saved = await harness.call(manager, "PUT", "/api/settings", {
    body: { ...settings, intakeForms: [...settings.intakeForms, ...forms] },
  });
  if (saved.status !== 200) throw new Error(`arrangeForms: ${saved.status} ${saved.text}`);
  return Promise.all(
    forms.map(async (form) => {
      const answer = await harness.call(
        manager,
        "POST",
        `/api/settings/intake-forms/${form.key}/secret`,
      );
      return { key: form.key, secret: (answer.body as { secret: string }).secret };
    }),
  );
};

export const signatureOf = (body: string, secret: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** The headers of a lead signed as docs/api.md says: HMAC of `<timestamp>.<body>` at `at`. */
export const timestampedHeaders = (body: string, secret: string, at: Date) => {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    "Content-Type": "application/json",
    "X-Dealflow-Timestamp": timestamp,
    "X-Dealflow-Signature": signatureOf(`${timestamp}.${body}`, secret),
  };
};

/** Posts a lead as a web form does: JSON with the form's secret in X-Dealflow-Key. */
export const postLead = (
  harness: ApiHarness,
  form: { key: string; secret: string },
  lead: Record<string, unknown>,
) =>
  harness.call(null, "POST", `/api/intake/${form.key}`, {
    body: lead,
    headers: { "X-Dealflow-Key": form.secret },
  });
