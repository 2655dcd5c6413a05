// The one module that imports botbuilder (archived upstream): moving to the Teams SDK later
// replaces this folder only. Everything else speaks plain Activity JSON (IncomingActivity).
import {
  type Activity,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from "botbuilder";
import type { TurnOutcome } from "../activities/handle-activity.js";
import type { IncomingActivity } from "../activities/incoming-activity.js";

/** BOT_ID / BOT_PASSWORD / BOT_TENANT_ID / BOT_TYPE; no id = anonymous (local only). */
export type BotIdentity = {
  id: string | undefined;
  password: string | undefined;
  tenantId: string | undefined;
  type: "SingleTenant" | "UserAssignedMSI" | undefined;
};

export type BotHttpRequest = { body: unknown; headers: Record<string, string | undefined> };
export type BotHttpResponse = { status: number; headers: Record<string, string>; body: unknown };
export type TurnLogic = (activity: IncomingActivity) => Promise<TurnOutcome>;

const authConfig = (identity: BotIdentity) =>
  identity.id
    ? {
        MicrosoftAppId: identity.id,
        MicrosoftAppPassword: identity.password ?? "",
        MicrosoftAppType: identity.type ?? "SingleTenant",
        MicrosoftAppTenantId: identity.tenantId ?? "",
      }
    : {};

/** Runs our logic inside a botbuilder turn: posts the reply, answers an invoke. */
export const runTurn = async (context: TurnContext, logic: TurnLogic): Promise<void> => {
  const outcome = await logic(context.activity as unknown as IncomingActivity);
  if (outcome.reply) {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(outcome.reply)] });
  }
  if (outcome.updateActedOn && context.activity.replyToId) {
    // Everyone who sees the acted-on message sees its new state, not only the clicker.
    await context
      .updateActivity({
        type: "message",
        id: context.activity.replyToId,
        attachments: [CardFactory.adaptiveCard(outcome.updateActedOn)],
      })
      .catch(() => undefined);
  }
  if (outcome.invokeResponse) {
    await context.sendActivity({ type: "invokeResponse", value: outcome.invokeResponse });
  }
};

/** A response object of the shape CloudAdapter.process writes to (Express-like). */
const recordingResponse = () => {
  const result: BotHttpResponse = { status: 200, headers: {}, body: undefined };
  let ended = false;
  const response = {
    socket: null,
    status(code: number) {
      result.status = code;
      return response;
    },
    header(name: string, value: unknown) {
      result.headers[name] = String(value);
      return response;
    },
    send(body?: unknown) {
      if (body !== undefined) result.body = body;
      return response;
    },
    end(...args: unknown[]) {
      if (args[0] !== undefined && typeof args[0] !== "function") result.body = args[0];
      ended = true;
      return response;
    },
  };
  return { response, result: () => ({ ...result, ended }) };
};

/**
 * CloudAdapter behind POST /api/messages: validates Bot Framework tokens when BOT_ID is set,
 * accepts anonymous activities without it (the Agents Playground, tests).
 */
export const createTeamsAdapter = (identity: BotIdentity, logic: TurnLogic) => {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(authConfig(identity)),
  );
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  return {
    async process(request: BotHttpRequest): Promise<BotHttpResponse> {
      const { response, result } = recordingResponse();
      const body = request.body as Record<string, unknown>;
      await adapter.process(
        { body, headers: request.headers, method: "POST" },
        response,
        (context) => runTurn(context, logic),
      );
      const { ended: _ended, ...answer } = result();
      return answer;
    },
  };
};

/**
 * Bearer tokens for calls to the Bot Connector REST API (proactive sends); null when the bot
 * is anonymous (local only), where the connector is the Playground's or a test's.
 */
export const createConnectorTokenProvider = (identity: BotIdentity) => {
  const botId = identity.id;
  if (!botId) return async (): Promise<string | null> => null;
  const factory = new ConfigurationServiceClientCredentialFactory(authConfig(identity));
  let credentials: Promise<unknown> | undefined;
  return async (): Promise<string | null> => {
    credentials ??= factory.createCredentials(
      botId,
      "https://api.botframework.com",
      `https://login.microsoftonline.com/${identity.tenantId ?? "botframework.com"}`,
      true,
    );
    const created = (await credentials) as { getToken?: (force?: boolean) => Promise<string> };
    if (typeof created.getToken !== "function") return null;
    return created.getToken();
  };
};

export type { Activity as BotFrameworkActivity };
