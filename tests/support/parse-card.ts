import { createRequire } from "node:module";

// adaptivecards' lib/ entry uses extensionless ESM imports; its UMD bundle loads anywhere.
const AC = createRequire(import.meta.url)(
  "adaptivecards/dist/adaptivecards.js",
) as typeof import("adaptivecards");

/** Parses a card as Adaptive Cards 1.5 and returns every warning or error the library raised. */
export const cardWarnings = (json: unknown): string[] => {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json as object, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i)?.message ?? "?");
  for (const event of card.validateProperties().validationEvents) warnings.push(event.message);
  if ((json as { version?: string }).version !== "1.5") warnings.push("not version 1.5");
  return warnings;
};
