import { describe, expect, it } from "vitest";
import { type BotCommand, parseCommand, stripMentions } from "./parse-command.js";

type Row = { text: string; expected: BotCommand };

const english: Row[] = [
  { text: "help", expected: { name: "help", locale: "en" } },
  { text: "status", expected: { name: "status", query: null, locale: "en" } },
  {
    text: "status Acme website",
    expected: { name: "status", query: "Acme website", locale: "en" },
  },
  {
    text: "status 01JNV3Q8R8X6Y2Z1ABCDEF0123",
    expected: { name: "status", query: "01JNV3Q8R8X6Y2Z1ABCDEF0123", locale: "en" },
  },
  { text: "overdue", expected: { name: "overdue", locale: "en" } },
  { text: "my tasks", expected: { name: "my-tasks", locale: "en" } },
  {
    text: "follow Acme website",
    expected: { name: "follow", query: "Acme website", locale: "en" },
  },
  {
    text: "unfollow Acme website",
    expected: { name: "unfollow", query: "Acme website", locale: "en" },
  },
  {
    text: "link Partners EMEA",
    expected: { name: "link", pipeline: "Partners EMEA", locale: "en" },
  },
];

const spanish: Row[] = [
  { text: "ayuda", expected: { name: "help", locale: "es" } },
  { text: "estado", expected: { name: "status", query: null, locale: "es" } },
  {
    text: "estado Clínica Peña",
    expected: { name: "status", query: "Clínica Peña", locale: "es" },
  },
  { text: "vencidas", expected: { name: "overdue", locale: "es" } },
  { text: "mis tareas", expected: { name: "my-tasks", locale: "es" } },
  {
    text: "seguir Clínica Peña",
    expected: { name: "follow", query: "Clínica Peña", locale: "es" },
  },
  {
    text: "dejar de seguir Clínica Peña",
    expected: { name: "unfollow", query: "Clínica Peña", locale: "es" },
  },
  { text: "vincular Ventas", expected: { name: "link", pipeline: "Ventas", locale: "es" } },
];

describe("parseCommand", () => {
  it.each(english)("understands the English command '$text'", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each(spanish)("understands the Spanish command '$text'", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each<Row>([
    { text: "<at>Dealflow</at> status", expected: { name: "status", query: null, locale: "en" } },
    {
      text: '<at id="0">Dealflow CRM</at>&nbsp;estado Clínica Peña',
      expected: { name: "status", query: "Clínica Peña", locale: "es" },
    },
    { text: "status <at>Dealflow</at>", expected: { name: "status", query: null, locale: "en" } },
    { text: "@Dealflow my tasks", expected: { name: "my-tasks", locale: "en" } },
    { text: "<p><at>Dealflow</at> overdue</p>", expected: { name: "overdue", locale: "en" } },
    {
      text: "<at>Dealflow</at> follow Smith &amp; Sons",
      expected: { name: "follow", query: "Smith & Sons", locale: "en" },
    },
  ])("ignores the bot's mention in '$text'", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each<Row>([
    { text: "  status  ", expected: { name: "status", query: null, locale: "en" } },
    { text: "mis  tareas", expected: { name: "my-tasks", locale: "es" } },
    { text: "MIS TAREAS", expected: { name: "my-tasks", locale: "es" } },
    { text: "Estado", expected: { name: "status", query: null, locale: "es" } },
    { text: "My Tasks", expected: { name: "my-tasks", locale: "en" } },
    { text: "HELP", expected: { name: "help", locale: "en" } },
    { text: "Vencidás", expected: { name: "overdue", locale: "es" } },
    { text: "¿estado?", expected: { name: "status", query: null, locale: "es" } },
    { text: "help!", expected: { name: "help", locale: "en" } },
    {
      text: "Dejar  de\tSeguir   Clínica Peña ",
      expected: { name: "unfollow", query: "Clínica Peña", locale: "es" },
    },
  ])("forgives spacing, capitals, accents and punctuation in '$text'", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each<Row>([
    {
      text: "status  ACME   Web ",
      expected: { name: "status", query: "ACME   Web", locale: "en" },
    },
    {
      text: "SEGUIR  José Núñez",
      expected: { name: "follow", query: "José Núñez", locale: "es" },
    },
  ])("keeps the argument's casing, accents and inner spacing in '$text'", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it("reads 'dejar de seguir X' as unfollow, never as follow", () => {
    expect(parseCommand("dejar de seguir Acme")).toEqual({
      name: "unfollow",
      query: "Acme",
      locale: "es",
    });
  });

  it.each([
    { case: "a sentence", text: "what's up?", expected: "what's up?" },
    { case: "an empty message", text: "", expected: "" },
    { case: "only the mention", text: "<at>Dealflow</at>", expected: "" },
    { case: "follow without an opportunity", text: "follow", expected: "follow" },
    { case: "unfollow without an opportunity", text: "unfollow  ", expected: "unfollow" },
    {
      case: "'dejar de seguir' without an opportunity",
      text: "dejar de seguir",
      expected: "dejar de seguir",
    },
    { case: "link without a pipeline", text: "vincular", expected: "vincular" },
    { case: "help with trailing words", text: "help me please", expected: "help me please" },
    { case: "my tasks with trailing words", text: "my tasks today", expected: "my tasks today" },
    { case: "a half command", text: "my", expected: "my" },
    { case: "a command word in the middle", text: "please status", expected: "please status" },
    { case: "a word starting like a command", text: "statuses", expected: "statuses" },
  ])("answers $case as unknown, with the text it saw", ({ text, expected }) => {
    expect(parseCommand(text)).toEqual({ name: "unknown", text: expected });
  });
});

describe("stripMentions", () => {
  it.each([
    { text: "<at>Dealflow</at> status", expected: "status" },
    { text: "<AT>Dealflow</AT>   status", expected: "status" },
    { text: "@Dealflow status Acme", expected: "status Acme" },
    { text: "status Acme", expected: "status Acme" },
    { text: "Tom&nbsp;&amp;&nbsp;Jerry &lt;3", expected: "Tom & Jerry <3" },
  ])("turns '$text' into '$expected'", ({ text, expected }) => {
    expect(stripMentions(text)).toEqual(expected);
  });
});
