import type { Locale } from "@dealflow/core";

/** Every word of the public review page (SPEC §4.5), English and Spanish. */
export type ReviewPageWords = {
  formTitle(target: string): string;
  intro(target: string, project: string): string;
  starsLegend: string;
  star(stars: number): string;
  textLabel: string;
  textHint(max: string): string;
  submit: string;
  errorSummary: string;
  starsError: string;
  textError(max: string): string;
  thanksTitle: string;
  thanksBody(target: string): string;
  notFoundTitle: string;
  notFoundBody: string;
  expiredTitle: string;
  expiredBody(days: number): string;
  usedTitle: string;
  usedBody: string;
  otherLanguage: { locale: Locale; label: string };
};

const STAR_WORDS: Record<Locale, readonly string[]> = {
  en: ["poor", "fair", "good", "very good", "excellent"],
  es: ["malo", "regular", "bueno", "muy bueno", "excelente"],
};

export const REVIEW_PAGE_WORDS: Record<Locale, ReviewPageWords> = {
  en: {
    formTitle: (target) => `Review ${target}`,
    intro: (target, project) => `How did ${target} do on “${project}”? Your answer helps us.`,
    starsLegend: "Your rating",
    star: (stars) => `${stars} ${stars === 1 ? "star" : "stars"} – ${STAR_WORDS.en[stars - 1]}`,
    textLabel: "Comments (optional)",
    textHint: (max) => `Up to ${max} characters.`,
    submit: "Send review",
    errorSummary: "Please check your review",
    starsError: "Choose a rating from 1 to 5 stars.",
    textError: (max) => `The comment may be at most ${max} characters.`,
    thanksTitle: "Thank you for your review",
    thanksBody: (target) => `Your review of ${target} has been recorded.`,
    notFoundTitle: "Review link not found",
    notFoundBody:
      "This review link is not valid. Check that you opened the whole address from the email.",
    expiredTitle: "This review link has expired",
    expiredBody: (days) =>
      `Review links work for ${days} days. If you still want to leave a review, ask your contact for a new link.`,
    usedTitle: "This review link was already used",
    usedBody: "A review has already been sent with this link. Thank you!",
    otherLanguage: { locale: "es", label: "Español" },
  },
  es: {
    formTitle: (target) => `Valora a ${target}`,
    intro: (target, project) => `¿Qué tal lo hizo ${target} en «${project}»? Tu opinión nos ayuda.`,
    starsLegend: "Tu valoración",
    star: (stars) =>
      `${stars} ${stars === 1 ? "estrella" : "estrellas"} – ${STAR_WORDS.es[stars - 1]}`,
    textLabel: "Comentarios (opcional)",
    textHint: (max) => `Hasta ${max} caracteres.`,
    submit: "Enviar valoración",
    errorSummary: "Revisa tu valoración",
    starsError: "Elige una valoración de 1 a 5 estrellas.",
    textError: (max) => `El comentario puede tener como máximo ${max} caracteres.`,
    thanksTitle: "Gracias por tu valoración",
    thanksBody: (target) => `Hemos registrado tu valoración de ${target}.`,
    notFoundTitle: "Enlace de valoración no encontrado",
    notFoundBody:
      "Este enlace de valoración no es válido. Comprueba que has abierto la dirección completa del correo.",
    expiredTitle: "Este enlace de valoración ha caducado",
    expiredBody: (days) =>
      `Los enlaces de valoración sirven durante ${days} días. Si aún quieres dejar tu valoración, pide un enlace nuevo a tu contacto.`,
    usedTitle: "Este enlace de valoración ya se ha usado",
    usedBody: "Ya se ha enviado una valoración con este enlace. ¡Gracias!",
    otherLanguage: { locale: "en", label: "English" },
  },
};

const isLocale = (value: string | null | undefined): value is Locale =>
  value === "en" || value === "es";

/** `?lang=` first, then the browser's preferred of en/es (by q), then the tenant's language. */
export const pageLocale = (
  lang: string | null,
  acceptLanguage: string | null,
  tenantLocale: Locale | null,
): Locale => {
  if (isLocale(lang)) return lang;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => isLocale(entry.base) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const preferred = ranked[0]?.base;
  if (isLocale(preferred)) return preferred;
  return tenantLocale ?? "en";
};
