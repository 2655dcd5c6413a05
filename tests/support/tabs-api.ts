import { randomUUID } from "node:crypto";
import { connectorSignature } from "../../functions/src/features/marketplace/index.js";
import { devToken } from "./tabs-app.js";

/** What the browser tests arrange through the API before they drive the tab. */
export type ApiAnswer = {
  status: number;
  etag: string | null;
  body: Record<string, unknown>;
};

/** One API call as a demo user (dev token), answering the status, the ETag and the JSON body. */
export const callApi = async (
  baseUrl: string,
  user: { id: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await devToken(baseUrl, user.id)}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get("ETag"),
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
};

export type Connector = { key: string; secret: string };

const expectStatus = (answer: ApiAnswer, status: number, what: string) => {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
};

/**
 * As a manager does it in Settings: add a marketplace (name, clocks) to the tenant's settings,
 * then rotate its secret, which is answered this once.
 */
export const configureConnector = async (
  baseUrl: string,
  manager: { id: string },
  spec: { name?: string; reminderMinutes?: number; revealMinutes?: number } = {},
): Promise<Connector> => {
  const key = `e2e-${randomUUID().slice(0, 8)}`;
  const read = await callApi(baseUrl, manager, "GET", "/api/settings");
  const marketplaces = (read.body.marketplaces as object[] | undefined) ?? [];
  const saved = await callApi(
    baseUrl,
    manager,
    "PUT",
    "/api/settings",
    { ...read.body, marketplaces: [...marketplaces, { key, name: "Workana", ...spec }] },
    { "If-Match": read.etag ?? "*" },
  );
  expectStatus(saved, 200, "configureConnector: settings");
  const rotated = await callApi(
    baseUrl,
    manager,
    "POST",
    `/api/settings/marketplaces/${key}/secret`,
  );
  expectStatus(rotated, 201, "configureConnector: secret");
  return { key, secret: rotated.body.secret as string };
};

/** Posts one event as the marketplace does: HMAC-SHA256 of `timestamp.body` with the secret. */
export const postConnectorEvent = async (
  baseUrl: string,
  connector: Connector,
  event: Record<string, unknown>,
): Promise<{
  status: number;
  text: string;
  body: { opportunityId: string; visibility: string };
}> => {
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${baseUrl}/api/marketplace/${connector.key}/events`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Dealflow-Timestamp": timestamp,
      "X-Dealflow-Signature": connectorSignature(connector.secret, timestamp, Buffer.from(body)),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null };
};
