/** A message the trigger cannot read; Azure moves such a message to the poison queue at once. */
export class QueueMessageEncodingError extends Error {
  constructor(reason: string) {
    super(`The message is not Base64 (host.json messageEncoding "base64"): ${reason}`);
    this.name = "QueueMessageEncodingError";
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads a message as Azure Functions' queue trigger does by default: the text is Base64 of the
 * UTF-8 payload (as .NET's Convert.FromBase64String, whitespace is ignored, anything else not
 * Base64 is refused); the Node.js worker then hands over parsed JSON when the payload is JSON,
 * else the string itself.
 */
export const decodeQueueMessage = (messageText: string): unknown => {
  const base64 = messageText.replace(/\s+/g, "");
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
    throw new QueueMessageEncodingError(
      base64.length % 4 !== 0
        ? `its length (${base64.length} without whitespace) is not a multiple of 4`
        : "it contains characters outside the Base64 alphabet",
    );
  }
  const payload = Buffer.from(base64, "base64").toString("utf8");
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
};
