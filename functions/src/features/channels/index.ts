// The channels feature's public surface: other features and entry points import only this file.
export { channelRoutes } from "./channel-routes.js";
export { type ChannelLink, linkChannel, type TeamChannel } from "./channels.service.js";
