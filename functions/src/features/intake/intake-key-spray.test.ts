import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApiHarness } from "../../../../tests/support/api-harness.js";

// Review of issue 16: sender-limits.ts keys failed attempts by "address key", where the key is
// whatever the URL names. "A client address that keeps failing is refused before anything is
// read, so a flood costs no storage" holds for one key only: an address that names a new key
// each time gets a fresh budget every time, and every attempt reads the form index.
let harness: ApiHarness;

beforeAll(async () => {
  harness = await startApiHarness();
});
afterAll(() => harness?.close());

describe("an address flooding the intake endpoint", () => {
  it("is refused after its failed attempts, whichever form keys it names", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const answer = await harness.call(null, "POST", `/api/intake/form-${randomUUID()}`, {
        body: { name: "Flood" },
        headers: { "X-Dealflow-Key": "guess" },
      });
      statuses.push(answer.status);
    }

    expect(statuses).toContain(429);
  });
});
