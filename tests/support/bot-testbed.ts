import { afterAll, beforeAll, expect } from "vitest";
import { type BotHost, postActivity, startBotHost, teamsActivity } from "./bot-host.js";
import { type FakeConnector, startFakeConnector } from "./fake-connector.js";
import { cardWarnings } from "./parse-card.js";

type ActivityFields = Omit<
  Parameters<typeof teamsActivity>[0],
  "serviceUrl" | "tenantId" | "userId"
>;

export type BotTestbed = {
  readonly host: BotHost;
  readonly connector: FakeConnector;
  /** Posts an activity from `userId` of the demo tenant, as the stand-in connector would. */
  post(userId: string, fields?: ActivityFields): ReturnType<typeof postActivity>;
};

export type CardChecks = {
  /** Every card the connector received parses as Adaptive Cards 1.5 without a warning. */
  validateCards?: boolean;
  /** At least this many cards arrived, so the validation cannot pass on none. */
  minCards?: number;
};

/** The whole app and a local stand-in for the Bot Connector, for the test file that calls it. */
export const useBotTestbed = (checks: CardChecks = {}): BotTestbed => {
  let host: BotHost | undefined;
  let connector: FakeConnector | undefined;

  beforeAll(async () => {
    connector = await startFakeConnector();
    host = await startBotHost();
  });

  afterAll(async () => {
    try {
      if (connector && checks.validateCards) {
        const cards = connector.cards();
        expect(cards.length).toBeGreaterThanOrEqual(checks.minCards ?? 0);
        for (const card of cards) expect(cardWarnings(card)).toEqual([]);
      }
    } finally {
      await host?.stop();
      await connector?.close();
    }
  });

  const started = () => {
    if (!host || !connector) throw new Error("the bot testbed starts in beforeAll");
    return { host, connector };
  };

  return {
    get host() {
      return started().host;
    },
    get connector() {
      return started().connector;
    },
    post(userId, fields = {}) {
      const { host, connector } = started();
      const activity = teamsActivity({
        serviceUrl: connector.url,
        tenantId: host.tenantId,
        userId,
        ...fields,
      });
      return postActivity(host, activity);
    },
  };
};
