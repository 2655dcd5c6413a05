const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The HTML body of a mail from its plain text (the catalog writes text): paragraphs at blank
 * lines, line breaks kept. Everything is escaped, since lead data (names, titles) is typed
 * by outsiders and must never become markup in someone's inbox.
 */
export const mailHtml = (text: string): string => {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => `<p>${block.split("\n").map(escapeHtml).join("<br>")}</p>`);
  return `<html><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px">${paragraphs.join("")}</body></html>`;
};
