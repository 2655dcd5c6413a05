import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv.js";

describe("csvCell", () => {
  it.each([
    { value: "plain", cell: "plain" },
    { value: null, cell: "" },
    { value: 42, cell: "42" },
    { value: "a,b", cell: '"a,b"' },
    { value: 'say "hi"', cell: '"say ""hi"""' },
    { value: "two\nlines", cell: '"two\nlines"' },
    { value: "=1+1", cell: "'=1+1" },
    { value: "+34 600", cell: "'+34 600" },
    { value: "-2", cell: "'-2" },
    { value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { value: '=HYPERLINK("x","y")', cell: `"'=HYPERLINK(""x"",""y"")"` },
  ])("writes $value as $cell", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("csvDocument", () => {
  it("ends every record, the header included, with CRLF", () => {
    expect(csvDocument(["a", "b"], [["1", null]])).toBe("a,b\r\n1,\r\n");
  });
});
