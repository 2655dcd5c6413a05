import { describe, expect, it } from "vitest";
import { composeEmailHref } from "./compose-email.js";

describe("composeEmailHref", () => {
  it("addresses the Contact with the participants in cc", () => {
    expect(
      composeEmailHref({ email: "ana@client.test" }, [
        { email: "bo@client.test" },
        { email: "cy@client.test" },
      ]),
    ).toBe("mailto:ana@client.test?cc=bo%40client.test,cy%40client.test");
  });

  it("leaves out participants without email and duplicates of the Contact", () => {
    expect(
      composeEmailHref({ email: "ana@client.test" }, [
        { email: null },
        { email: "ANA@client.test" },
        { email: "  " },
      ]),
    ).toBe("mailto:ana@client.test");
  });

  it("encodes the subject", () => {
    expect(composeEmailHref({ email: "a@b.test" }, [], "Offer & plan")).toBe(
      "mailto:a@b.test?subject=Offer%20%26%20plan",
    );
  });

  it("has no link when the Contact has no email", () => {
    expect(composeEmailHref({ email: null }, [{ email: "bo@client.test" }])).toBeNull();
  });
});
