export * from "./intl.js";
export * from "./locale.js";
export * from "./message.js";
export * from "./time-zone.js";
