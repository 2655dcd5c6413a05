import { MAX_NOTE_LENGTH } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { messageText, senderName } from "./message-text.js";

const html = (content: string) => ({ body: { contentType: "html", content } });

describe("messageText", () => {
  it.each([
    { content: "<p>Hello</p><p>Can we talk?</p>", text: "Hello\nCan we talk?" },
    { content: "<div>one<br>two<br/>three</div>", text: "one\ntwo\nthree" },
    { content: "<p>AT&amp;T &lt;b&gt; &#128512; &#x41;&nbsp;B</p>", text: "AT&T <b> 😀 A B" },
    { content: '<p><at id="0">Ana</at> <a href="https://x.example">see</a></p>', text: "Ana see" },
    { content: "<p>&bogus; &#0; &#99999999;</p>", text: "&bogus; &#0; &#99999999;" },
  ])("keeps $content as typed: $text", ({ content, text }) => {
    expect(messageText(html(content))).toBe(text);
  });

  it("takes a text body as it is", () => {
    expect(messageText({ body: { contentType: "text", content: "  <b>plain</b> " } })).toBe(
      "<b>plain</b>",
    );
  });

  it("cuts a message longer than a note, saying so", () => {
    const text = messageText(html(`<p>${"a".repeat(MAX_NOTE_LENGTH + 50)}</p>`));
    expect(text).toHaveLength(MAX_NOTE_LENGTH);
    expect(text.endsWith("…")).toBe(true);
  });

  it("is empty without a body", () => {
    expect(messageText({})).toBe("");
  });
});

describe("senderName", () => {
  it("is the user's display name, or the app's, or empty", () => {
    expect(senderName({ from: { user: { displayName: " Carla Ruiz " } } })).toBe("Carla Ruiz");
    expect(senderName({ from: { application: { displayName: "Forms" } } })).toBe("Forms");
    expect(senderName({})).toBe("");
  });
});
