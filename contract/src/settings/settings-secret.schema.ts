import { intakeFormKeySchema } from "@dealflow/core";
import { z } from "zod";
import { connectorKeySchema } from "../marketplace/marketplace-event.schema.js";

/** /api/settings/intake-forms/{key}/secret. */
export const intakeFormKeyParams = z.object({ key: intakeFormKeySchema });

/** /api/settings/marketplaces/{key}/secret. */
export const connectorKeyParams = z.object({ key: connectorKeySchema });

/** POST /api/settings/intake-forms/{key}/secret: the new secret, shown this once. */
export const rotatedIntakeSecretSchema = z.object({
  key: z.string(),
  secret: z.string(),
  /** Where the form posts its leads: /api/intake/{key}. */
  intakePath: z.string(),
});

export type RotatedIntakeSecret = z.output<typeof rotatedIntakeSecretSchema>;

/** POST /api/settings/marketplaces/{key}/secret: the connector's new signing secret, shown once. */
export const rotatedConnectorSecretSchema = z.object({
  key: z.string(),
  secret: z.string(),
  /** Where the marketplace posts its events: /api/marketplace/{key}/events. */
  eventsPath: z.string(),
  /** How far the signed timestamp may be from the server's clock. */
  toleranceSeconds: z.number(),
});

export type RotatedConnectorSecret = z.output<typeof rotatedConnectorSecretSchema>;
