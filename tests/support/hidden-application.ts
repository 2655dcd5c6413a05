import { receiveApplication, ulidGenerator, validateSettings } from "@dealflow/core";
import type { Store } from "../../functions/src/storage/store.js";

/**
 * A hidden marketplace application (SPEC §4.4) whose title names the client's company
 * ("Quintana Labs", client "Zoe Quintana"), unassigned. Its reminder and reveal are days
 * away: the client stays hidden throughout a test.
 */
export const applyHiddenApplication = async (store: Store, tenantId: string): Promise<string> => {
  const settings = validateSettings({
    ...(await store.getSettings(tenantId)),
    marketplaces: [
      { key: "workana", name: "Workana", reminderMinutes: 14_400, revealMinutes: 20_160 },
    ],
  });
  const outcome = receiveApplication(
    {
      connectorKey: "workana",
      applicationId: `application-${ulidGenerator()()}`,
      title: "Web shop for Quintana Labs",
      client: {
        name: "Zoe Quintana",
        email: "zoe@quintana-labs.example",
        phone: "+34 611 222 333",
        company: "Quintana Labs",
      },
      fee: { amount: 40, currency: "EUR" },
    },
    { now: new Date(), actor: null, tenantId, settings, ids: ulidGenerator() },
  );
  await store.commit(tenantId, outcome);
  return outcome.value.id;
};
