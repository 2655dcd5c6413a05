/** A tiny seeded PRNG (mulberry32): the same seed replays the same requests. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
};

export type Random = ReturnType<typeof seededRandom>;

/** Strings that would widen a Table Storage query if anyone ever built a filter by concatenation. */
export const ODATA_STRINGS = [
  "' or PartitionKey ne '",
  "') or (RowKey ge '",
  "x' or 1 eq 1 or 'a' eq 'a",
  "opp|~",
  "|",
  "~",
  "*",
  "%27%20or%20PartitionKey%20ne%20%27",
];

const ODD_STRINGS = [
  "",
  " ",
  "\u0000\u0001\u001f",
  "😀👍🏽",
  "ñandú Ünïcödé",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "__proto__",
  "9999-99-99T99:99:99Z",
  "-1",
  "1e309",
  "null",
];

const ODD_NUMBERS = [0, -1, 1.5, -1e308, 1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER];

export const oddString = (random: Random) =>
  random.next() < 0.5 ? random.pick(ODATA_STRINGS) : random.pick(ODD_STRINGS);

/** Nested junk of any JSON type. */
export const junk = (random: Random, depth = 3): unknown => {
  const kind = random.int(depth > 0 ? 7 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.pick(ODD_NUMBERS);
    case 3:
    case 4:
      return oddString(random);
    case 5:
      return Array.from({ length: random.int(4) }, () => junk(random, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let index = random.int(4); index > 0; index -= 1) {
        object[random.pick(["a", "id", "name", "__proto__", "constructor", oddString(random)])] =
          junk(random, depth - 1);
      }
      return object;
    }
  }
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
};

const typeOf = (schema: JsonSchema, random: Random): string | undefined => {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return typeOf(random.pick(branches), random);
  return Array.isArray(schema.type) ? random.pick(schema.type) : schema.type;
};

const branchOf = (schema: JsonSchema, random: Random): JsonSchema => {
  const branches = schema.anyOf ?? schema.oneOf;
  return branches && branches.length > 0 ? branchOf(random.pick(branches), random) : schema;
};

const WRONG: Record<string, (random: Random) => unknown> = {
  string: (random) => random.pick([42, true, [], {}, null]),
  number: (random) => random.pick(["12", "NaN", true, [], null]),
  integer: (random) => random.pick([1.5, "1", false, {}, -1e308]),
  boolean: (random) => random.pick(["true", 1, null, []]),
  array: (random) => random.pick(["[]", {}, 1]),
  object: (random) => random.pick(["{}", [], 7]),
};

/**
 * A body shaped like the schema but wrong in `mode`: every value of the wrong type, every
 * string an OData-looking one, or one string huge (`hugeLength` characters).
 */
export const shapedBody = (
  schema: JsonSchema,
  random: Random,
  mode: "wrong-types" | "odata" | "huge",
  hugeLength = 0,
  depth = 4,
): unknown => {
  const resolved = branchOf(schema, random);
  const type = typeOf(schema, random);
  if (mode === "wrong-types" && type !== undefined && type !== "object" && random.next() < 0.8) {
    return (WRONG[type] ?? junk)(random);
  }
  if (type === "object" || resolved.properties) {
    const body: Record<string, unknown> = {};
    const names = Object.keys(resolved.properties ?? {});
    const huge = mode === "huge" ? random.int(Math.max(names.length, 1)) : -1;
    names.forEach((name, index) => {
      const property = resolved.properties?.[name] ?? {};
      body[name] =
        index === huge
          ? "x".repeat(hugeLength)
          : depth > 0
            ? shapedBody(property, random, mode === "huge" ? "odata" : mode, 0, depth - 1)
            : null;
    });
    if (names.length === 0 && mode === "huge") body.text = "x".repeat(hugeLength);
    return body;
  }
  if (type === "array") {
    return Array.from({ length: 1 + random.int(2) }, () =>
      shapedBody(resolved.items ?? {}, random, mode, 0, depth - 1),
    );
  }
  if (type === "string" || resolved.enum) return random.pick(ODATA_STRINGS);
  if (type === "number" || type === "integer") return random.pick(ODD_NUMBERS);
  if (type === "boolean") return random.next() < 0.5;
  return junk(random, 1);
};
