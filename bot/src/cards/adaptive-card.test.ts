import { describe, expect, it } from "vitest";
import { escapeMarkdown, facts, heading, md, ownMarkdown, text } from "./adaptive-card.js";

describe("escapeMarkdown", () => {
  it.each([
    {
      input: "[Session expired](https://evil.example)",
      shown: "\\[Session expired\\](https://evil.example)",
    },
    { input: "**URGENT** call now", shown: "\\*\\*URGENT\\*\\* call now" },
    { input: "snake_case_name", shown: "snake\\_case\\_name" },
    { input: "<https://evil.example>", shown: "\\<https://evil.example\\>" },
    { input: "a `code` span", shown: "a \\`code\\` span" },
    { input: "- not a list", shown: "\\- not a list" },
    { input: "line one\n1. not a list", shown: "line one\n1\\. not a list" },
    { input: "# not a heading", shown: "\\# not a heading" },
    { input: "back\\slash", shown: "back\\\\slash" },
    { input: "## Session expired", shown: "\\## Session expired" },
    { input: "AT&amp;T", shown: "AT\\&amp;T" },
    { input: "&#91;x&#93;(https://evil.example)", shown: "\\&#91;x\\&#93;(https://evil.example)" },
    { input: "Title\n---", shown: "Title\n\\---" },
    { input: "Title\n===", shown: "Title\n\\===" },
    { input: "    indented code", shown: "indented code" },
    { input: "first\r\n- second", shown: "first\n\\- second" },
    { input: "Ortiz Logística (Madrid) - 50%", shown: "Ortiz Logística (Madrid) - 50%" },
  ])("shows $input literally", ({ input, shown }) => {
    expect(escapeMarkdown(input)).toBe(shown);
  });
});

describe("card text", () => {
  it("takes a plain string literally in TextBlocks, headings and facts", () => {
    const evil = "[Session expired](https://evil.example)";

    expect(text(evil).text).toBe(escapeMarkdown(evil));
    expect(heading(evil).text).toBe(escapeMarkdown(evil));
    expect(facts([[evil, evil]])).toMatchObject({
      facts: [{ title: escapeMarkdown(evil), value: escapeMarkdown(evil) }],
    });
  });

  it("keeps our own markdown and escapes the values put into it", () => {
    const title = "**Win** [me](https://evil.example)";

    expect(text(md`**${title}** · due ${"today"}`).text).toBe(
      `**${escapeMarkdown(title)}** · due today`,
    );
    expect(text(md`${md`**${"a_b"}**`} ${ownMarkdown("`code`")}`).text).toBe("**a\\_b** `code`");
  });
});
