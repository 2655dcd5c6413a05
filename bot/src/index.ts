export * from "./commands/parse-command.js";
