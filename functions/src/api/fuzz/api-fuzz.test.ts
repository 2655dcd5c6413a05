import { randomUUID } from "node:crypto";
import { it } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeForms } from "../intake/intake.test-support.js";
import {
  bodyCases,
  type FuzzOperation,
  type FuzzRequest,
  fuzzOperations,
  fuzzRequest,
  materialize,
  type OpenApi,
} from "./fuzz-requests.test-support.js";

/**
 * Every operation of the OpenAPI document that takes a body or query parameters (routes
 * added later included) gets every kind of wrong body (one test each) and random query
 * parameters from fast-check, as a seller who owns the data or as a manager. Nothing may
 * answer ≥ 500, and a refused (4xx) request may not change a single row of the tenant's
 * partition. A failure is shrunk to the smallest request that still fails and reported with
 * its seed and path; FUZZ_SEED=<seed> FUZZ_PATH=<path> with `-t '<the test's name>'` replays
 * exactly it. The seed is fixed, so that CI is repeatable; FUZZ_SEED=<any number> and
 * FUZZ_RUNS=<runs per test> explore further (docs/api.md).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const PATH = process.env.FUZZ_PATH;
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

// Started while the file is collected: the document decides which tests there are.
const harness: ApiHarness = await startApiHarness();
const document = (await harness.call(null, "GET", "/api/openapi.json")).body as OpenApi;
afterAll(() => harness.close());

const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Fuzz Owner" });
const manager = newTestUser(tenant, { name: "Fuzz Manager", manager: true });
const ids = { opportunity: "x", contact: "x", task: "x" };
/** A real intake form: with its key sent on every request, intake bodies reach the parser. */
let form = { key: "", secret: "" };

const partitionSnapshot = async (): Promise<Map<string, string>> => {
  const rows = new Map<string, string>();
  const entities = harness.storage
    .table("tenantData")
    .listEntities({ queryOptions: { filter: `PartitionKey eq '${tenant}'` } });
  for await (const entity of entities) rows.set(entity.rowKey ?? "", entity.etag);
  return rows;
};

const changedRows = (before: Map<string, string>, after: Map<string, string>): string[] => {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
};

/** The tenant's real id for a path parameter, so that validation, not 404, is reached. */
const realId = (template: string, name: string): string => {
  if (name === "userId") return manager.userId;
  if (name === "contactId") return ids.contact;
  if (name === "formKey") return form.key;
  if (name === "key") return `fuzz-${randomUUID().slice(0, 8)}`;
  if (template.startsWith("/api/tasks/")) return ids.task;
  if (template.startsWith("/api/contacts/")) return ids.contact;
  return ids.opportunity;
};

const send = async (operation: FuzzOperation, request: FuzzRequest) => {
  const http = materialize(operation, request, realId);
  const headers: Record<string, string> = { "X-Dealflow-Key": form.secret };
  if (http.contentType) headers["Content-Type"] = http.contentType;
  return harness
    .call(request.as === "owner" ? owner : manager, operation.method, http.path, {
      headers,
      ...(http.body === undefined ? {} : { rawBody: http.body }),
    })
    .catch((error: unknown) => ({ status: -1, text: String(error) }));
};

beforeAll(async () => {
  for (const user of [owner, manager]) await harness.call(user, "GET", "/api/settings");
  [form] = (await arrangeForms(harness, manager, [{}])) as [typeof form];
  const created = await harness.call(owner, "POST", "/api/opportunities", {
    body: {
      contact: { name: "Fuzz Target", email: "target@example.com" },
      source: "web-form",
      ownerId: owner.userId,
    },
  });
  const opportunity = created.body as { id: string; contact: { id: string } };
  const task = await harness.call(owner, "POST", "/api/tasks", {
    body: {
      opportunityId: opportunity.id,
      kind: "call",
      title: "Fuzz call",
      dueAt: "2026-03-02T09:00:00Z",
    },
  });
  Object.assign(ids, {
    opportunity: opportunity.id,
    contact: opportunity.contact.id,
    task: (task.body as { id: string }).id,
  });
  if (created.status !== 201 || task.status !== 201)
    throw new Error(`arrange failed: ${created.status} ${task.status}`);
});

const operations = fuzzOperations(document);

/** Nothing ≥ 500, and nothing written when the answer is a refusal. */
const answersSafely = (operation: FuzzOperation) => async (request: FuzzRequest) => {
  const before = await partitionSnapshot();
  const answer = await send(operation, request);
  const after = await partitionSnapshot();
  expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
  expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
  if (answer.status >= 400) expect(changedRows(before, after)).toEqual([]);
};

const parameters = {
  seed: SEED,
  numRuns: RUNS,
  ...(PATH === undefined ? {} : { path: PATH }),
};

describe("API fuzz", () => {
  it("reaches every operation that takes a body or query parameters", () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  for (const operation of operations) {
    describe(`${operation.method} ${operation.template}`, () => {
      const cases = bodyCases(operation);
      if (cases.length === 0) {
        it.prop([fuzzRequest(operation)], { ...parameters, numRuns: 2 * RUNS })(
          "answers any query below 500 and writes nothing when it refuses",
          answersSafely(operation),
          120_000,
        );
      }
      for (const { name, body } of cases) {
        it.prop([fuzzRequest(operation, body)], parameters)(
          `answers ${name} below 500 and writes nothing when it refuses`,
          answersSafely(operation),
          120_000,
        );
      }
    });
  }
});
