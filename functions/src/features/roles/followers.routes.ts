import { addFollowerBody, followerParams, idParams, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { bearerTokenOf } from "../../identity/bearer-token.js";
import { viewerOf } from "../../identity/principal.js";
import { opportunityAnswer } from "../opportunity/index.js";
import {
  addFollower,
  followOpportunity,
  removeFollower,
  unfollowOpportunity,
} from "./roles.service.js";

const answers = {
  200: { description: "The opportunity with its followers", schema: opportunitySchema },
  404: { description: "No such opportunity, or not one the user may see" },
};

/**
 * SPEC §4.1: anyone who may read an opportunity follows or unfollows it with one click;
 * the owner and managers add or remove others. Following is not an edit of the opportunity's
 * content, so these take no If-Match: two people following at once must both succeed (a
 * lost race surfaces as 412 and the click is simply repeated).
 */
export const followerRoutes = (deps: RouteDeps): ApiRoute[] => [
  defineApiRoute(deps, {
    name: "followOpportunity",
    method: "POST",
    route: "opportunities/{id}/followers/me",
    summary: "Follow the opportunity",
    tag: "Followers",
    params: idParams,
    responses: answers,
    async handler({ params, principal }) {
      return opportunityAnswer(await followOpportunity(deps, viewerOf(principal), params.id));
    },
  }),
  defineApiRoute(deps, {
    name: "unfollowOpportunity",
    method: "DELETE",
    route: "opportunities/{id}/followers/me",
    summary: "Stop following the opportunity",
    tag: "Followers",
    params: idParams,
    responses: answers,
    async handler({ params, principal }) {
      return opportunityAnswer(await unfollowOpportunity(deps, viewerOf(principal), params.id));
    },
  }),
  defineApiRoute(deps, {
    name: "addOpportunityFollower",
    method: "POST",
    route: "opportunities/{id}/followers/{userId}",
    summary:
      "Add a follower (owner and managers): a user of the tenant, or a person of its directory given with { name, email }",
    tag: "Followers",
    params: followerParams,
    body: addFollowerBody,
    responses: {
      ...answers,
      400: { description: "Neither a user of this tenant nor a person of its directory" },
      403: {
        description:
          "Only the owner or a manager adds followers; or nobody consented to the directory search",
      },
      503: { description: "Microsoft 365 is not answering; retry after Retry-After" },
    },
    async handler({ params, body, principal, request }) {
      const searcher = { tenantId: principal.tenantId, userToken: bearerTokenOf(request) };
      const saved = await addFollower(deps, viewerOf(principal), params.id, params.userId, {
        searcher,
        hint: body,
      });
      return opportunityAnswer(saved);
    },
  }),
  defineApiRoute(deps, {
    name: "removeOpportunityFollower",
    method: "DELETE",
    route: "opportunities/{id}/followers/{userId}",
    summary: "Remove a follower (owner and managers)",
    tag: "Followers",
    params: followerParams,
    responses: {
      ...answers,
      403: { description: "Only the owner or a manager removes followers" },
    },
    async handler({ params, principal }) {
      const saved = await removeFollower(deps, viewerOf(principal), params.id, params.userId);
      return opportunityAnswer(saved);
    },
  }),
];
