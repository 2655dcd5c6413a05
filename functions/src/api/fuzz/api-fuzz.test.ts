import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../tests/support/api-harness.js";
import { BODY_LIMIT_BYTES } from "../http/request-body.js";
import { arrangeForms } from "../intake/intake.test-support.js";
import {
  junk,
  ODATA_STRINGS,
  oddString,
  type Random,
  seededRandom,
  shapedBody,
} from "./fuzz-generator.js";

/**
 * Every operation of the OpenAPI document that takes a body or query parameters — including
 * routes added after this test was written — gets random, malformed, mistyped, huge and
 * OData-looking input, as a seller who owns the data and as a manager. Nothing may answer
 * ≥ 500, and a refused (4xx) request may not change a single row of the tenant's partition.
 * Seeded: FUZZ_SEED=<n> replays a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const CASES_PER_OPERATION = 7;

type Parameter = { name: string; in: "path" | "query"; schema?: Record<string, unknown> };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

type FuzzRequest = { label: string; path: string; body?: string; contentType?: string };

let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Fuzz Owner" });
const manager = newTestUser(tenant, { name: "Fuzz Manager", manager: true });
const ids: Record<string, string> = {};
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

/** A path parameter: mostly a real id of the tenant (so validation, not 404, is reached). */
const pathValue = (template: string, name: string, random: Random): string => {
  if (random.next() < 0.1) return encodeURIComponent(random.pick(ODATA_STRINGS));
  if (name === "userId") return manager.userId;
  if (name === "contactId") return ids.contact ?? "x";
  if (name === "formKey") return form.key;
  if (name === "key") return `fuzz-${random.int(1000)}`;
  if (template.startsWith("/api/tasks/")) return ids.task ?? "x";
  if (template.startsWith("/api/contacts/")) return ids.contact ?? "x";
  return ids.opportunity ?? "x";
};

const queryValue = (random: Random): string => {
  const roll = random.int(4);
  if (roll === 0) return random.pick(ODATA_STRINGS);
  if (roll === 1) return oddString(random);
  if (roll === 2) return "q".repeat(2_000 + random.int(2_000));
  return JSON.stringify(junk(random, 2));
};

const CSV_HEADER = "name,email,source,owner,externalId,receivedAt,tags";

const bodyFor = (
  operation: Operation,
  random: Random,
  index: number,
): { body: string; contentType: string } | null => {
  const content = operation.requestBody?.content;
  if (!content) return null;
  const types = Object.keys(content);
  const json = types.includes("application/json") ? content["application/json"]?.schema : undefined;
  const overhead = 64;
  switch (index % CASES_PER_OPERATION) {
    case 0:
      return { body: JSON.stringify(junk(random)), contentType: "application/json" };
    case 1:
      return {
        body: JSON.stringify(shapedBody(json ?? {}, random, "wrong-types")),
        contentType: "application/json",
      };
    case 2: {
      if (types.includes("text/csv")) {
        const cell = () => `"${random.pick(ODATA_STRINGS).replace(/"/g, '""')}"`;
        const rows = Array.from({ length: 3 }, () => Array.from({ length: 7 }, cell).join(","));
        return { body: [CSV_HEADER, ...rows].join("\n"), contentType: "text/csv" };
      }
      return {
        body: JSON.stringify(shapedBody(json ?? {}, random, "odata")),
        contentType: "application/json",
      };
    }
    case 3:
      return {
        body: random.pick(['{"a":', "nul", "[1,2", "\u0000\u0001", '{"x":"\\ud800"}', "a=1&b=%zz"]),
        contentType: random.pick([...types, "application/json", "text/plain", "application/xml"]),
      };
    case 4:
      return {
        body: JSON.stringify(
          shapedBody(json ?? {}, random, "huge", BODY_LIMIT_BYTES - 2_000 - overhead),
        ),
        contentType: types.includes("text/csv") ? "text/csv" : "application/json",
      };
    case 5:
      return {
        body: `{"text":"${"y".repeat(BODY_LIMIT_BYTES)}"}`,
        contentType: random.pick(types),
      };
    default:
      return { body: JSON.stringify(junk(random, 0)), contentType: random.pick(types) };
  }
};

const requestsFor = (document: OpenApi, random: Random): (FuzzRequest & { method: string })[] => {
  const requests: (FuzzRequest & { method: string })[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const query = (operation.parameters ?? []).filter((parameter) => parameter.in === "query");
      if (!operation.requestBody && query.length === 0) continue;
      for (let index = 0; index < CASES_PER_OPERATION; index += 1) {
        const path = template.replace(/\{(\w+)\}/g, (_match, name: string) =>
          pathValue(template, name, random),
        );
        const search = new URLSearchParams();
        for (const parameter of query)
          if (random.next() < 0.7) search.set(parameter.name, queryValue(random));
        const body = bodyFor(operation, random, index);
        const suffix = search.size > 0 ? `?${search}` : "";
        requests.push({
          method: method.toUpperCase(),
          label: `${method.toUpperCase()} ${template} #${index}`,
          path: `${path}${suffix}`,
          ...(body ?? {}),
        });
      }
    }
  }
  return requests;
};

beforeAll(async () => {
  harness = await startApiHarness();
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
  ids.opportunity = opportunity.id;
  ids.contact = opportunity.contact.id;
  const task = await harness.call(owner, "POST", "/api/tasks", {
    body: {
      opportunityId: opportunity.id,
      kind: "call",
      title: "Fuzz call",
      dueAt: "2026-03-02T09:00:00Z",
    },
  });
  ids.task = (task.body as { id: string }).id;
  if (!ids.opportunity || !ids.task)
    throw new Error(`arrange failed: ${created.status} ${task.status}`);
});
afterAll(() => harness?.close());

describe("API fuzz", () => {
  it("answers every malformed request below 500 and writes nothing when it refuses", async () => {
    const document = (await harness.call(null, "GET", "/api/openapi.json")).body as OpenApi;
    const random = seededRandom(SEED);
    const requests = requestsFor(document, random);
    const failures: string[] = [];
    let baseline = await partitionSnapshot();
    let sent = 0;
    for (const user of [owner, manager] as TestUser[]) {
      for (const request of requests) {
        const headers: Record<string, string> = { "X-Dealflow-Key": form.secret };
        if (request.contentType) headers["Content-Type"] = request.contentType;
        const answer = await harness
          .call(user, request.method, request.path, {
            headers,
            ...(request.body === undefined ? {} : { rawBody: request.body }),
          })
          .catch((error: unknown) => ({ status: -1, text: String(error) }));
        sent += 1;
        const after = await partitionSnapshot();
        const who = user === owner ? "owner" : "manager";
        if (answer.status >= 500 || answer.status < 0) {
          failures.push(`${who} ${request.label}: ${answer.status} ${answer.text.slice(0, 200)}`);
        } else if (answer.status >= 400) {
          const changed = changedRows(baseline, after);
          if (changed.length > 0)
            failures.push(
              `${who} ${request.label}: ${answer.status} but wrote ${changed.join(", ")}`,
            );
        }
        baseline = after;
      }
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  }, 240_000);
});
