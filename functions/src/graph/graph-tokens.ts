import { AuthError, ConfidentialClientApplication, type Configuration } from "@azure/msal-node";
import {
  adminConsentUrlOf,
  GraphConsentRequiredError,
  graphUnavailable,
  isConsentFailure,
} from "./graph-errors.js";

/** Client credentials: every application permission the tenant's admin granted. */
export const APP_SCOPES = ["https://graph.microsoft.com/.default"];

export type GraphTokenOptions = {
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  /**
   * Where token requests go; the authority host unless a test points it at its own server.
   * Given as metadata so msal-node skips OpenID discovery (one round trip less per cold start).
   */
  tokenEndpointHost?: string;
};

/** Who a Graph call acts as: the app itself (timers, notifications) or a signed-in user. */
export type GraphActor =
  | { kind: "app"; tenantId: string }
  | { kind: "user"; tenantId: string; userToken: string; scopes: readonly string[] };

export type GraphTokens = {
  /** An access token for Graph; throws GraphConsentRequiredError or `unavailable`. */
  accessToken(actor: GraphActor): Promise<string>;
  /** Forget a tenant's tokens (after Graph said 401 to one of them). */
  forget(tenantId: string): void;
};

const metadataOf = (host: string, tenantId: string, authority: string) =>
  JSON.stringify({
    token_endpoint: `${host}/${tenantId}/oauth2/v2.0/token`,
    authorization_endpoint: `${host}/${tenantId}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${host}/${tenantId}/oauth2/v2.0/logout`,
    jwks_uri: `${host}/${tenantId}/discovery/v2.0/keys`,
    issuer: `${authority}/v2.0`,
  });

/**
 * msal-node, one ConfidentialClientApplication per tenant authority: a multi-tenant app gets
 * each customer tenant's tokens from that tenant. msal caches them in memory (per process)
 * and renews them before expiry; on-behalf-of tokens are cached per user assertion.
 */
export const createGraphTokens = (options: GraphTokenOptions): GraphTokens => {
  const apps = new Map<string, ConfidentialClientApplication>();
  const appOf = (tenantId: string): ConfidentialClientApplication => {
    const existing = apps.get(tenantId);
    if (existing) return existing;
    const authority = `${options.authorityHost}/${encodeURIComponent(tenantId)}`;
    const configuration: Configuration = {
      auth: {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        authority,
        knownAuthorities: [new URL(options.authorityHost).host],
        authorityMetadata: metadataOf(
          options.tokenEndpointHost ?? options.authorityHost,
          encodeURIComponent(tenantId),
          authority,
        ),
      },
    };
    const app = new ConfidentialClientApplication(configuration);
    apps.set(tenantId, app);
    return app;
  };

  const acquire = async (actor: GraphActor) => {
    const app = appOf(actor.tenantId);
    if (actor.kind === "app") {
      return app.acquireTokenByClientCredential({ scopes: APP_SCOPES });
    }
    return app.acquireTokenOnBehalfOf({
      oboAssertion: actor.userToken,
      scopes: [...actor.scopes],
    });
  };

  return {
    async accessToken(actor) {
      let result: Awaited<ReturnType<typeof acquire>>;
      try {
        result = await acquire(actor);
      } catch (error) {
        if (isConsentFailure(error)) {
          const code = error instanceof AuthError ? error.errorCode : "consent_required";
          throw new GraphConsentRequiredError(
            actor.tenantId,
            adminConsentUrlOf(options.authorityHost, actor.tenantId, options.clientId),
            code,
          );
        }
        throw graphUnavailable("token", error);
      }
      if (result === null || !result.accessToken) throw graphUnavailable("token");
      return result.accessToken;
    },
    forget(tenantId) {
      apps.delete(tenantId);
    },
  };
};
