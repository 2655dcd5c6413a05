/** A configuration value that cannot be used, named by its environment variable. */
export class ConfigError extends Error {
  readonly code = "invalid-config";

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}
