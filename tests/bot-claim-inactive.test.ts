import { describe, expect, it } from "vitest";
import { useBotTestbed } from "./support/bot-testbed.js";

// Review of issue 16: the bot's Claim now needs the post's channel (mayAct), but not a user
// the tenant still counts: a deactivated seller who is still a member of the team presses
// Claim and becomes the owner, which the API refuses (an owner is an active user of the
// tenant: known-user.ts, tasks' owners), and the lead leaves the unassigned queue for nobody.
const bot = useBotTestbed();

const TEAM = { teamId: "19:sales-team@thread.tacv2", channelId: "19:deals@thread.tacv2" };

describe("Claim from a channel post", () => {
  it("refuses a seller the tenant has deactivated", async () => {
    const { store } = bot.host.deps;
    const tenantId = bot.host.tenantId;
    const waiting = await store.listOpportunities(tenantId, { kind: "first-contact" });
    const unassigned = waiting.items.find((item) => item.ownerId === null);
    if (!unassigned) throw new Error("the demo tenant has no unassigned opportunity");
    await bot.post(bot.host.users.marta.id, {
      text: `<at>Dealflow</at> link ${unassigned.pipelineId}`,
      channel: TEAM,
    });
    const luis = await store.getUser(tenantId, bot.host.users.luis.id);
    if (!luis) throw new Error("the demo tenant has no Luis");
    await store.commit(tenantId, {
      changes: [{ entity: "user", before: luis, after: { ...luis, active: false } }],
      schedule: [],
      cancel: [],
    });

    const answer = await bot.post(luis.id, {
      type: "invoke",
      name: "adaptiveCard/action",
      replyToId: "new-opportunity-post",
      channel: TEAM,
      value: {
        action: {
          type: "Action.Execute",
          verb: "opportunity.claim",
          data: {
            verb: "opportunity.claim",
            card: "new-opportunity",
            opportunityId: unassigned.id,
          },
        },
        trigger: "manual",
      },
    });

    expect(answer.status).toBe(200);
    expect((await store.getOpportunity(tenantId, unassigned.id))?.ownerId).toBeNull();
  });
});
