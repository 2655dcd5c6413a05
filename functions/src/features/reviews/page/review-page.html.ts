import {
  formatNumber,
  type Locale,
  MAX_REVIEW_TEXT_LENGTH,
  REVIEW_LINK_DAYS,
} from "@dealflow/core";
import { escapeHtml } from "../../../mail/mail-html.js";
import { REVIEW_PAGE_WORDS, type ReviewPageWords } from "./review-page.messages.js";

/** What the page is about: only the target's name and the project's title, never more. */
export type ReviewSubject = { targetName: string; projectTitle: string };

export type ReviewFormState = {
  stars: string | null;
  text: string;
  /** Fields the last submit got wrong ("stars", "text"). */
  errors: readonly string[];
};

export type ReviewPage =
  | { kind: "form"; subject: ReviewSubject; state: ReviewFormState }
  | { kind: "thanks"; subject: ReviewSubject }
  | { kind: "not-found" | "expired" | "used" };

// Inline styles are allowed by the tab's CSP (style-src 'unsafe-inline'); no script is needed.
const STYLE = `body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;margin:0;background:#f5f5f5;color:#242424;line-height:1.5}
main{max-width:36rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin-top:0}fieldset{border:1px solid #d1d1d1;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}.star{display:block;padding:.25rem 0}.star input{margin-right:.5rem}
label[for=text]{display:block;font-weight:600;margin-top:1rem}textarea{width:100%;box-sizing:border-box;min-height:8rem;font:inherit}
.hint{color:#616161;font-size:.9rem;margin:.25rem 0}.error{color:#b10e1c;font-weight:600}
.summary{border:2px solid #b10e1c;border-radius:4px;padding:.5rem 1rem;margin-bottom:1rem}
button{font:inherit;font-weight:600;color:#fff;background:#5b5fc7;border:0;border-radius:4px;padding:.5rem 1.25rem;margin-top:1rem;cursor:pointer}
button:focus-visible,input:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #242424;outline-offset:2px}
nav{text-align:right;font-size:.9rem}`;

const layout = (locale: Locale, title: string, body: string, otherLanguageHref: string | null) => {
  const words = REVIEW_PAGE_WORDS[locale];
  const other = words.otherLanguage;
  const nav =
    otherLanguageHref === null
      ? ""
      : `<nav><a href="${escapeHtml(otherLanguageHref)}" lang="${other.locale}" hreflang="${other.locale}">${other.label}</a></nav>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} · Dealflow</title><style>${STYLE}</style></head>
<body><main>${nav}<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
};

const errorSummary = (words: ReviewPageWords, locale: Locale, errors: readonly string[]) => {
  if (errors.length === 0) return "";
  const max = formatNumber(MAX_REVIEW_TEXT_LENGTH, locale);
  const items = errors.map((field) =>
    field === "stars"
      ? `<li><a href="#stars-5">${escapeHtml(words.starsError)}</a></li>`
      : `<li><a href="#text">${escapeHtml(words.textError(max))}</a></li>`,
  );
  return `<div class="summary" role="alert"><h2 class="error">${escapeHtml(words.errorSummary)}</h2><ul>${items.join("")}</ul></div>`;
};

const form = (locale: Locale, subject: ReviewSubject, state: ReviewFormState, action: string) => {
  const words = REVIEW_PAGE_WORDS[locale];
  const max = formatNumber(MAX_REVIEW_TEXT_LENGTH, locale);
  const starsWrong = state.errors.includes("stars");
  const textWrong = state.errors.includes("text");
  const stars = [5, 4, 3, 2, 1]
    .map((n) => {
      const checked = state.stars === String(n) ? " checked" : "";
      return `<label class="star" for="stars-${n}"><input type="radio" id="stars-${n}" name="stars" value="${n}" required${checked}>${escapeHtml(words.star(n))}</label>`;
    })
    .join("");
  const starsError = starsWrong
    ? `<p id="stars-error" class="error">${escapeHtml(words.starsError)}</p>`
    : "";
  const textDescribedBy = textWrong ? "text-error text-hint" : "text-hint";
  const textError = textWrong
    ? `<p id="text-error" class="error">${escapeHtml(words.textError(max))}</p>`
    : "";
  return `${errorSummary(words, locale, state.errors)}<p>${escapeHtml(words.intro(subject.targetName, subject.projectTitle))}</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset${starsWrong ? ' aria-describedby="stars-error" aria-invalid="true"' : ""}><legend>${escapeHtml(words.starsLegend)}</legend>${starsError}${stars}</fieldset>
<label for="text">${escapeHtml(words.textLabel)}</label><p id="text-hint" class="hint">${escapeHtml(words.textHint(max))}</p>${textError}
<textarea id="text" name="text" maxlength="${MAX_REVIEW_TEXT_LENGTH}" aria-describedby="${textDescribedBy}"${textWrong ? ' aria-invalid="true"' : ""}>${escapeHtml(state.text)}</textarea>
<button type="submit">${escapeHtml(words.submit)}</button></form>`;
};

/**
 * The HTML of the page at `path` (the link's own path, so the form posts back to it) in
 * `locale`. Everything typed by people (names, titles, the comment) is escaped.
 */
export const renderReviewPage = (page: ReviewPage, locale: Locale, path: string): string => {
  const words = REVIEW_PAGE_WORDS[locale];
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  switch (page.kind) {
    case "form": {
      const otherHref = `${path}?lang=${words.otherLanguage.locale}`;
      const body = form(locale, page.subject, page.state, `${path}?lang=${locale}`);
      return layout(locale, words.formTitle(page.subject.targetName), body, otherHref);
    }
    case "thanks":
      return layout(
        locale,
        words.thanksTitle,
        paragraph(words.thanksBody(page.subject.targetName)),
        null,
      );
    case "not-found":
      return layout(locale, words.notFoundTitle, paragraph(words.notFoundBody), null);
    case "expired":
      return layout(
        locale,
        words.expiredTitle,
        paragraph(words.expiredBody(REVIEW_LINK_DAYS)),
        null,
      );
    case "used":
      return layout(locale, words.usedTitle, paragraph(words.usedBody), null);
  }
};
