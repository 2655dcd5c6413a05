import { QueueClient, RestError } from "@azure/storage-queue";
import { trackIo } from "../observability/request-timing.js";
import { carriesSecret, type StorageConfig, serviceUrlsOf } from "./storage-connection.js";

/** The Storage Queue service's limit on a message's text, here the Base64 text. */
const MAX_MESSAGE_CHARS = 64 * 1024;

/**
 * A message as Azure Functions' queue trigger reads it by default (host.json `messageEncoding`
 * `base64`): the Base64 of the UTF-8 payload. The payload is always JSON, so the trigger hands
 * the handler back the same value (a string arrives as that string, never re-parsed as a number).
 */
export const encodeQueueMessage = (payload: unknown): string => {
  const json = JSON.stringify(payload);
  if (json === undefined) {
    throw new TypeError(`A queue message must be JSON; got ${typeof payload}`);
  }
  const text = Buffer.from(json, "utf8").toString("base64");
  if (text.length > MAX_MESSAGE_CHARS) {
    throw new RangeError(
      `A queue message may hold ${MAX_MESSAGE_CHARS} characters of Base64; this one needs ${text.length}`,
    );
  }
  return text;
};

export type QueueSender = {
  /** Enqueues `payload` (JSON) on `queueName`, creating the queue if it does not exist yet. */
  send(queueName: string, payload: unknown): Promise<{ messageId: string }>;
};

const CLIENT_OPTIONS = { retryOptions: { maxTries: 3 } };

/** One queue's client: signed by the connection string's key/SAS, or by the config's credential. */
export const createQueueClient = (
  connection: string | StorageConfig,
  queueName: string,
): QueueClient => {
  const config = typeof connection === "string" ? { connectionString: connection } : connection;
  if (config.credential) {
    const { queueUrl } = serviceUrlsOf(config.connectionString);
    return new QueueClient(`${queueUrl}/${queueName}`, config.credential, CLIENT_OPTIONS);
  }
  if (!carriesSecret(config.connectionString)) {
    // An endpoints-only string without its credential: fail here, not on the first message.
    throw new Error(
      "The storage connection string has no key or SAS; pass the StorageConfig with its credential",
    );
  }
  return new QueueClient(config.connectionString, queueName, CLIENT_OPTIONS);
};

/**
 * Producers' side of queue triggers; keeps one client (and its connections) per queue.
 * Takes a connection string, or a TableStorage's `config` (which may carry a managed identity).
 */
export const createQueueSender = (connection: string | StorageConfig): QueueSender => {
  // Checked now, so a misconfigured app fails at start-up rather than on its first notification.
  createQueueClient(connection, "probe");
  const clients = new Map<string, QueueClient>();
  const client = (queueName: string) => {
    let queue = clients.get(queueName);
    if (!queue) {
      queue = createQueueClient(connection, queueName);
      clients.set(queueName, queue);
    }
    return queue;
  };
  return {
    send(queueName, payload) {
      const text = encodeQueueMessage(payload);
      const queue = client(queueName);
      return trackIo("queue", async () => {
        try {
          const { messageId } = await queue.sendMessage(text);
          return { messageId };
        } catch (error) {
          // Like Azure's queue output binding: a queue that does not exist yet is created.
          if (!(error instanceof RestError && error.statusCode === 404)) throw error;
          await queue.createIfNotExists();
          const { messageId } = await queue.sendMessage(text);
          return { messageId };
        }
      });
    },
  };
};

/** One message, for callers that send rarely; use `createQueueSender` for many. */
export const sendQueueMessage = (
  connection: string | StorageConfig,
  queueName: string,
  payload: unknown,
): Promise<{ messageId: string }> => createQueueSender(connection).send(queueName, payload);
