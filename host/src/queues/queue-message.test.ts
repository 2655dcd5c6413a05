import { describe, expect, it } from "vitest";
import { encodeQueueMessage } from "../../../functions/src/storage/queue-sender.js";
import { decodeQueueMessage, QueueMessageEncodingError } from "./queue-message.js";

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

describe("decodeQueueMessage", () => {
  it("parses a JSON payload", () => {
    expect(decodeQueueMessage(base64('{"tenantId":"t1","ids":[1,2]}'))).toEqual({
      tenantId: "t1",
      ids: [1, 2],
    });
  });

  it("hands over a payload that is not JSON as its text", () => {
    expect(decodeQueueMessage(base64("hello, Zoë"))).toBe("hello, Zoë");
  });

  it("ignores whitespace in the Base64, as .NET does", () => {
    const text = base64('{"a":"bcdefgh"}');
    expect(decodeQueueMessage(`${text.slice(0, 8)}\r\n${text.slice(8)}`)).toEqual({ a: "bcdefgh" });
  });

  it.each(["not base64!", "abc", "{}"])("refuses %j, which is not Base64", (text) => {
    expect(() => decodeQueueMessage(text)).toThrow(QueueMessageEncodingError);
  });

  it("reads back what the sender encodes, strings included", () => {
    for (const payload of [{ kind: "notify", at: "2025-03-10" }, "123", 123, null, ["x"]]) {
      expect(decodeQueueMessage(encodeQueueMessage(payload))).toEqual(payload);
    }
  });
});

describe("encodeQueueMessage", () => {
  it("refuses what is not JSON", () => {
    expect(() => encodeQueueMessage(undefined)).toThrow("A queue message must be JSON");
  });

  it("refuses a message over the service's 64 KiB", () => {
    expect(() => encodeQueueMessage("x".repeat(50_000))).toThrow(
      "A queue message may hold 65536 characters of Base64",
    );
  });
});
