import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { linkChannelPipelineRoute } from "./link-channel-pipeline.route.js";

/** The channel tab's routes, for apiRoutes. */
export const channelRoutes = (deps: RouteDeps): ApiRoute[] => [linkChannelPipelineRoute(deps)];
