import fc from "fast-check";

// fast-check arbitraries for the API fuzz test. A generated request is a recipe: small values
// that print well in a failure report (a 1 MiB body prints as "{ huge: 1046512, … }") and
// that fast-check shrinks towards the simplest request, which `materialize` turns into what
// is sent. Each union lists its simplest member first: shrinking moves towards it.

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

const odata = fc.constantFrom(...ODATA_STRINGS);
/** A known troublemaker, or any string fast-check makes up (unicode, lone surrogates…). */
export const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS, ...ODATA_STRINGS),
  fc.string({ unit: "binary" }),
);
const oddNumber = fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.double(), fc.integer());
const oddKey = fc.oneof(fc.constantFrom("a", "id", "name", "__proto__", "constructor"), oddString);

/** Nested JSON of any type, at most `depth` levels deep. */
export const junk = (depth: number): fc.Arbitrary<unknown> => {
  const leaf = fc.oneof(fc.constant(null), fc.boolean(), oddNumber, oddString);
  if (depth <= 0) return leaf;
  const inner = junk(depth - 1);
  return fc.oneof(
    leaf,
    fc.array(inner, { maxLength: 3 }),
    // Sent as JSON, so the prototype is irrelevant; plain objects print more readably.
    fc.dictionary(oddKey, inner, { maxKeys: 3, noNullPrototype: true }),
  );
};

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
};

const branchesOf = (schema: JsonSchema): JsonSchema[] => {
  const branches = schema.anyOf ?? schema.oneOf ?? [];
  return branches.length > 0 ? branches.flatMap(branchesOf) : [schema];
};

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.constantFrom(42, true, [], {}, null),
  number: fc.constantFrom("12", "NaN", true, [], null),
  integer: fc.constantFrom(1.5, "1", false, {}, -1e308),
  boolean: fc.constantFrom("true", 1, null, []),
  array: fc.constantFrom("[]", {}, 1),
  object: fc.constantFrom("{}", [], 7),
};

type Mode = "wrong-types" | "odata";

/** A value shaped like `schema` (its properties, arrays, branches) but wrong in `mode`. */
const shapedBranch = (schema: JsonSchema, mode: Mode, depth: number): fc.Arbitrary<unknown> => {
  const types = typesOf(schema);
  // In wrong-types mode an object or array may also be replaced whole by a wrong value.
  const orWrong = (structured: fc.Arbitrary<unknown>, type: "object" | "array") =>
    mode === "wrong-types" ? fc.oneof(WRONG[type] ?? junk(0), structured) : structured;
  if (schema.properties || types.includes("object")) {
    const properties = Object.entries(schema.properties ?? {});
    if (depth <= 0 || properties.length === 0) return orWrong(fc.constant({}), "object");
    // Every property optional: a body with only some of them gets past validation further,
    // and shrinking drops those a failure does not need.
    const record = fc.record(
      Object.fromEntries(
        properties.map(([name, property]) => [name, shaped(property, mode, depth - 1)]),
      ),
      { requiredKeys: [], noNullPrototype: true },
    );
    return orWrong(record, "object");
  }
  if (types.includes("array")) {
    const items = fc.array(shaped(schema.items ?? {}, mode, depth - 1), {
      minLength: 1,
      maxLength: 2,
    });
    return orWrong(items, "array");
  }
  if (mode === "wrong-types") {
    const wrong = types.flatMap((type) => (WRONG[type] ? [WRONG[type]] : []));
    return wrong.length > 0 ? fc.oneof(...wrong) : junk(1);
  }
  if (types.includes("string") || schema.enum) return odata;
  if (types.includes("number") || types.includes("integer")) return oddNumber;
  if (types.includes("boolean")) return fc.boolean();
  return junk(1);
};

export const shaped = (schema: JsonSchema, mode: Mode, depth = 4): fc.Arbitrary<unknown> =>
  fc.oneof(...branchesOf(schema).map((branch) => shapedBranch(branch, mode, depth)));
