// The README and docs/ are read in the repository alone (a clone, GitHub): every relative link
// must name a file of the repository, and a `#fragment` a heading of that file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const parser = new MarkdownIt();

const markdownFiles = (): string[] => [
  path.join(ROOT, "README.md"),
  ...readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(ROOT, "docs", name)),
];

type Parsed = { links: string[]; anchors: Set<string> };

// GitHub's heading ids: lower case, punctuation dropped, spaces to dashes, repeats numbered.
const slugger = () => {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
};

const parse = (file: string): Parsed => {
  const tokens = parser.parse(readFileSync(file, "utf8"), {});
  const links: string[] = [];
  const anchors = new Set<string>();
  const slug = slugger();
  tokens.forEach((token, index) => {
    if (token.type === "heading_open") {
      const text = (tokens[index + 1]?.children ?? []).map((child) => child.content).join("");
      anchors.add(slug(text));
    }
    for (const child of token.children ?? []) {
      const target = child.attrGet(child.type === "image" ? "src" : "href");
      if (target !== null && (child.type === "link_open" || child.type === "image")) {
        links.push(String(target));
      }
    }
  });
  return { links, anchors };
};

/** Why `link` in `file` leads nowhere inside the repository, or null when it is fine. */
const brokenLink = (file: string, link: string): string | null => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return null; // https:, mailto:: outside by choice
  const [target = "", fragment] = link.split("#");
  const resolved = target === "" ? file : path.resolve(path.dirname(file), decodeURI(target));
  if (!resolved.startsWith(ROOT)) return "leaves the repository";
  if (!existsSync(resolved)) return "names no file of the repository";
  if (fragment === undefined || !resolved.endsWith(".md") || statSync(resolved).isDirectory()) {
    return null;
  }
  return parse(resolved).anchors.has(fragment) ? null : `has no heading #${fragment}`;
};

describe("links of the README and docs/", () => {
  const cases = markdownFiles().map((file) => [path.relative(ROOT, file), file] as const);

  it.each(cases)("%s links only to files and headings of the repository", (_name, file) => {
    const broken = parse(file)
      .links.map((link) => ({ link, problem: brokenLink(file, link) }))
      .filter((result) => result.problem !== null);
    expect(broken).toEqual([]);
  });

  it("finds a link that leaves the repository, one to a missing file and a missing heading", () => {
    const readme = path.join(ROOT, "README.md");
    expect(brokenLink(readme, "../shared/SPEC.md")).toBe("leaves the repository");
    expect(brokenLink(readme, "docs/no-such-page.md")).toBe("names no file of the repository");
    expect(brokenLink(readme, "docs/product.md#no-such-heading")).toBe(
      "has no heading #no-such-heading",
    );
    expect(brokenLink(readme, "docs/product.md#5-deadlines")).toBeNull();
  });
});
