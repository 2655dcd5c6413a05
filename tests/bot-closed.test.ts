import type { User, Viewer } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { changeStage } from "../functions/src/features/opportunity/index.js";
import { eventually } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";

// Issue 20 item 2 over HTTP (SPEC §4.6 "won/lost"): a deal closed on the board is posted in
// the channel linked to its pipeline, with its value, owner and, lost, why; the words a
// seller typed stay text in the card.
const bot = useBotTestbed({ validateCards: true, minCards: 3 });

const TEAM = { teamId: "19:closing-team@thread.tacv2", channelId: "19:closing@thread.tacv2" };

const viewer = (user: User): Viewer => ({
  tenantId: user.tenantId,
  userId: user.id,
  role: user.role,
  teamIds: [],
});

/** The first card posted to the channel after `from` that contains `text`. */
const postedCard = (text: string, from: number) =>
  eventually(() => {
    const call = bot.connector
      .callsTo(TEAM.channelId)
      .filter((candidate) => candidate.at >= from && candidate.method === "POST")
      .find((candidate) => JSON.stringify(candidate.body).includes(text));
    return call ? JSON.stringify(call.body) : null;
  });

/** Two of Ana's open opportunities in the demo tenant's first pipeline. */
const anasOpenDeals = async () => {
  const { ana } = bot.host.users;
  const page = await bot.host.deps.store.listOpportunities(bot.host.tenantId, {
    kind: "owner",
    ownerId: ana.id,
  });
  const open = page.items.filter((o) => o.status === "open" && o.pipelineId === "sales");
  if (open.length < 2) throw new Error("the demo tenant has fewer than two open deals for Ana");
  return open;
};

describe("won and lost in the team channel", () => {
  it("posts a won deal with its value and owner, and a lost one with the reason given", async () => {
    const { marta, ana } = bot.host.users;
    const link = await bot.post(marta.id, { text: "<at>Dealflow</at> link sales", channel: TEAM });
    expect(link.status).toBe(200);
    const [first, second] = await anasOpenDeals();
    if (!first || !second) throw new Error("unreachable");
    const deps = { store: bot.host.deps.store, clock: () => new Date() };

    const before = Date.now();
    await changeStage(deps, viewer(ana), first.id, "won");
    const won = await postedCard(`Won: ${first.title}`, before);
    expect(won).toContain("Ana García");
    expect(won).toContain("Moved to Won by Ana García");
    expect(won).toContain('"title":"Value"');
    expect(won).not.toContain("Why it was lost");

    await changeStage(
      deps,
      viewer(ana),
      second.id,
      "lost",
      undefined,
      "Chose a **cheaper** agency [see](http://evil.example)",
    );
    const lost = await postedCard(`Lost: ${second.title}`, before);
    expect(lost).toContain("Why it was lost");
    // Markdown a seller typed is escaped, so it shows as typed and links nowhere.
    expect(lost).toContain("Chose a \\\\*\\\\*cheaper\\\\*\\\\* agency \\\\[see\\\\]");
  });
});
