import MarkdownIt from "markdown-it";

// CommonMark, as Teams documents its Adaptive Card markdown; links only where written as links.
const parser = new MarkdownIt("commonmark");

/** Every text of a card that Teams renders as markdown: TextBlocks and facts, at any depth. */
export const markdownTexts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    record.type === "TextBlock" && typeof record.text === "string"
      ? [record.text]
      : record.type === "FactSet" && Array.isArray(record.facts)
        ? (record.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value])
        : [];
  return [...own, ...Object.values(record).flatMap(markdownTexts)];
};

/** A card text as a CommonMark renderer shows it (HTML). */
export const renderMarkdown = (text: string): string => parser.render(text);
