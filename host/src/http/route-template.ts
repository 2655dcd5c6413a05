export type RouteParams = Record<string, string>;

type Segment =
  | { kind: "literal"; text: string }
  | { kind: "param"; name: string; optional: boolean; constraint: Constraint | undefined }
  | { kind: "catch-all"; name: string };

type Constraint = { name: string; test(value: string): boolean };

export type RouteTemplate = {
  template: string;
  /** Orders templates for matching: lower ranks win, as literals beat parameters in ASP.NET. */
  precedence: readonly number[];
  match(path: string): RouteParams | undefined;
};

const CONSTRAINTS: Record<string, (value: string) => boolean> = {
  int: (value) => /^-?\d+$/.test(value),
  long: (value) => /^-?\d+$/.test(value),
  bool: (value) => /^(true|false)$/i.test(value),
  alpha: (value) => /^[a-z]+$/i.test(value),
  guid: (value) => /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value),
};

/**
 * Compiles an Azure Functions route template (ASP.NET Core routing syntax: `{id}`, `{id?}`,
 * `{id:int}`, `{*rest}`) into a matcher for request paths. Literal segments compare
 * case-insensitively, as in ASP.NET Core.
 */
export const compileRouteTemplate = (template: string): RouteTemplate => {
  const segments = splitPath(template).map((text, index, all) =>
    parseSegment(template, text, index === all.length - 1),
  );
  const firstOptional = segments.findIndex(isOptional);
  if (firstOptional >= 0 && segments.slice(firstOptional).some((s) => !isOptional(s))) {
    throw new Error(`Route "${template}": only the last segments may be optional`);
  }
  return {
    template,
    precedence: segments.map(segmentRank),
    match: (path) => matchSegments(segments, splitPath(path)),
  };
};

const segmentRank = (segment: Segment): number => {
  if (segment.kind === "literal") return 0;
  if (segment.kind === "catch-all") return 4;
  if (segment.optional) return 3;
  return segment.constraint ? 1 : 2;
};

/** Sort comparator: the more specific template first. */
export const compareRoutePrecedence = (a: RouteTemplate, b: RouteTemplate): number => {
  const length = Math.max(a.precedence.length, b.precedence.length);
  for (let index = 0; index < length; index++) {
    const difference = (a.precedence[index] ?? -1) - (b.precedence[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
};

const isOptional = (segment: Segment) =>
  segment.kind === "catch-all" || (segment.kind === "param" && segment.optional);

const splitPath = (path: string): string[] => {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? [] : trimmed.split("/");
};

const parseSegment = (template: string, text: string, isLast: boolean): Segment => {
  if (!text.includes("{") && !text.includes("}")) return { kind: "literal", text };
  const match = /^\{(\*{1,2})?([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?(\?)?\}$/.exec(text);
  if (!match) throw new Error(`Route "${template}": unsupported segment "${text}"`);
  const [, star, name = "", constraintName, optional] = match;
  if (star) {
    if (!isLast) throw new Error(`Route "${template}": a catch-all must be the last segment`);
    return { kind: "catch-all", name };
  }
  const test = constraintName === undefined ? undefined : CONSTRAINTS[constraintName];
  if (constraintName !== undefined && test === undefined) {
    throw new Error(`Route "${template}": unsupported constraint "${constraintName}"`);
  }
  return {
    kind: "param",
    name,
    optional: optional === "?",
    constraint: constraintName && test ? { name: constraintName, test } : undefined,
  };
};

const matchSegments = (
  segments: readonly Segment[],
  parts: readonly string[],
): RouteParams | undefined => {
  const params: RouteParams = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (segment.kind === "catch-all") {
      if (parts.length > index) params[segment.name] = parts.slice(index).map(decode).join("/");
      return params;
    }
    if (part === undefined) return isOptional(segment) ? params : undefined;
    if (part === "") return undefined;
    const value = decode(part);
    if (segment.kind === "literal") {
      if (value.toLowerCase() !== segment.text.toLowerCase()) return undefined;
      continue;
    }
    if (segment.constraint && !segment.constraint.test(value)) return undefined;
    params[segment.name] = value;
  }
  return parts.length === segments.length ? params : undefined;
};

const decode = (part: string): string => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};
