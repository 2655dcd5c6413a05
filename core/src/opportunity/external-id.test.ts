import { describe, expect, it } from "vitest";
import { applicationExternalId } from "../marketplace/connector.js";
import { leadExternalId, signedLeadExternalId } from "./external-id.js";

describe("external id namespaces", () => {
  it.each([["marketplace:malt:app-7"], ["lead-signature:ab12"], ["lead:x"]])(
    "no lead id, however spelled, names another sender's record (%s)",
    (leadId) => {
      const stored = leadExternalId(leadId);

      expect(stored).not.toBe(applicationExternalId("malt", "app-7"));
      expect(stored).not.toBe(signedLeadExternalId("ab12"));
      expect(stored.startsWith("lead:")).toBe(true);
    },
  );
});
