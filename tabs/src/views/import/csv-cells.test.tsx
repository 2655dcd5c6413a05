import { describe, expect, it } from "vitest";
import { cellsByRow, parseCsv } from "./csv-cells.js";

describe("reading the file's own cells", () => {
  it.each([
    [
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a,b\r\n1,2\r\n",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ['"Ruiz, Eva","say ""hi"""\n', [["Ruiz, Eva", 'say "hi"']]],
    ['"two\nlines",x', [["two\nlines", "x"]]],
    ["\uFEFFname\nEva", [["name"], ["Eva"]]],
  ])("parses %j", (text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it("numbers rows as the server does and maps loose headers to columns", () => {
    const text = "Full Name,E-mail,Notes\nEva Ruiz, eva@example.com ,x\n\nLeo Gil,not-an-email,y\n";
    expect([...cellsByRow(text, "contacts")]).toEqual([
      [2, { name: "Eva Ruiz", email: "eva@example.com" }],
      [3, { name: "Leo Gil", email: "not-an-email" }],
    ]);
  });
});
