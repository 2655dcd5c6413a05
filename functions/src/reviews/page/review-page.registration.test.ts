import { describe, expect, it } from "vitest";
import { createHttpRouter } from "../../../../host/src/http/http-router.js";
import { registerWithAzure } from "../../registry/register-with-azure.js";
import type { Store } from "../../storage/store.js";
import { reviewPageFunction } from "./review-page.function.js";

const page = reviewPageFunction({ store: {} as Store, clock: () => new Date() });

describe("the review page's registration", () => {
  it("is an anonymous Azure HTTP function at r/{token}, outside api/", () => {
    const calls: [string, unknown][] = [];
    const record = (name: string, options: unknown) => void calls.push([name, options]);
    const app = { http: record, timer: record, storageQueue: record };

    registerWithAzure(app, [page]);

    expect(calls).toEqual([
      [
        "reviewPage",
        expect.objectContaining({
          route: "r/{token}",
          authLevel: "anonymous",
          methods: ["GET", "HEAD", "POST"],
        }),
      ],
    ]);
  });

  it("is what the local host routes /r/<token> to, and nothing under /api/r", () => {
    const router = createHttpRouter([page]);

    expect(router.resolve("POST", "/r/abc.def")).toMatchObject({
      kind: "found",
      params: { token: "abc.def" },
    });
    expect(router.resolve("GET", "/api/r/abc.def").kind).toBe("not-found");
  });
});
