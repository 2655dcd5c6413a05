import { ConfigError } from "../config/config-error.js";
import { type Env, readOptional, readUrl } from "../config/env-readers.js";

/** Microsoft Graph and Entra for the public cloud; sovereign clouds set both variables. */
export const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

export type GraphConfig = {
  /** The multi-tenant Entra app (CONTRACTS.md `AAD_APP_*`), the SSO audience too. */
  clientId: string;
  /** The publisher's home tenant: where the `MAIL_SENDER` mailbox lives. */
  homeTenantId: string;
  clientSecret: string;
  /** The shared mailbox Dealflow's mail is sent from (UPN or object id). */
  mailSender: string;
  authorityHost: string;
  graphBaseUrl: string;
};

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Graph is used only when the app has a secret to use it with; without one Dealflow runs on
 * its local outbox adapters (null). A secret without the rest is a half-done deployment and
 * is refused, naming what is missing, rather than silently mailing nobody.
 */
export const readGraphConfig = (env: Env): GraphConfig | null => {
  const clientSecret = readOptional(env, "AAD_APP_CLIENT_SECRET");
  if (clientSecret === undefined) return null;
  const required = (name: string): string => {
    const value = readOptional(env, name);
    if (value === undefined) {
      throw new ConfigError(name, "is required when AAD_APP_CLIENT_SECRET is set (Graph)");
    }
    return value;
  };
  const authorityHost = withoutTrailingSlash(
    readUrl(env, "GRAPH_AUTHORITY_HOST") ?? DEFAULT_AUTHORITY_HOST,
  );
  // msal-node refuses a non-https authority; say so at start-up rather than at the first mail.
  if (!authorityHost.startsWith("https://")) {
    throw new ConfigError("GRAPH_AUTHORITY_HOST", `"${authorityHost}" must be an https URL`);
  }
  return {
    clientId: required("AAD_APP_CLIENT_ID"),
    homeTenantId: required("AAD_APP_TENANT_ID"),
    clientSecret,
    mailSender: required("MAIL_SENDER"),
    authorityHost,
    graphBaseUrl: withoutTrailingSlash(readUrl(env, "GRAPH_BASE_URL") ?? DEFAULT_GRAPH_BASE_URL),
  };
};
