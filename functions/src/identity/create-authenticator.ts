import type { AppDeps } from "../app-deps.js";
import { bearerTokenOf } from "./bearer-token.js";
import type { DevTokenIssuer } from "./dev-token-issuer.js";
import type { Authenticator } from "./principal.js";
import { createPrincipalCache } from "./principal-cache.js";
import { createPrincipalProvisioner } from "./provision-principal.js";
import type { TokenClaims } from "./token-claims.js";
import { TokenRejectedError } from "./token-rejected.js";
import { entraTrust } from "./token-trust.js";
import { createTokenValidator, type TokenValidator } from "./token-validator.js";
import { teamsThatMatter } from "./user-teams.js";

export type AuthenticatorDeps = Pick<AppDeps, "config" | "store" | "clock" | "log"> & {
  /** Dev mode's issuer (its key is the only one trusted); null in entra mode. */
  devTokens: DevTokenIssuer | null;
};

/**
 * Bearer token → principal, for every API request: validates the token against what the
 * mode trusts (Entra, or the dev issuer), then provisions tenant and user just in time.
 */
export const createAuthenticator = (deps: AuthenticatorDeps): Authenticator => {
  const { config, devTokens, log } = deps;
  if (config.auth.mode === "dev" && devTokens === null) {
    throw new Error("AUTH_MODE=dev needs the dev token issuer");
  }
  if (
    config.auth.mode === "entra" &&
    config.auth.audience === undefined &&
    config.aadApp.clientId === undefined
  ) {
    log.warn("Neither AAD_APP_CLIENT_ID nor AUTH_AUDIENCE is set: every bearer token is refused.");
  }
  // Built on first use: dev mode's key pair costs a moment, and many deps never see a request.
  let validator: TokenValidator | undefined;
  const validate = (token: string) => {
    validator ??= createTokenValidator(
      devTokens !== null && config.auth.mode === "dev" ? devTokens.trust() : entraTrust(config),
      deps.clock,
    );
    return validator(token);
  };
  const provision = createPrincipalProvisioner(deps.store, deps.clock);
  const principals = createPrincipalCache(deps.clock);
  const provisionAndCache = async (claims: TokenClaims) => {
    const principal = await provision(claims);
    principals.set(claims, principal);
    return principal;
  };

  return async (request) => {
    try {
      const claims = await validate(bearerTokenOf(request));
      const [principal, teamIds] = await Promise.all([
        principals.get(claims) ?? provisionAndCache(claims),
        teamsThatMatter(deps.store, claims.tenantId, claims.userId),
      ]);
      return { ...principal, teamIds, user: { ...principal.user, teamIds } };
    } catch (error) {
      if (error instanceof TokenRejectedError && error.reason !== "missing") {
        log.info(
          `Refused a bearer token (${error.reason}) for ${request.method} ${new URL(request.url).pathname}`,
        );
      }
      throw error;
    }
  };
};
