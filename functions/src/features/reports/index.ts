// The reports feature's public surface: other features and entry points import only this file.
export { reportRoutes } from "./report-routes.js";
export {
  exportDiscarded,
  listDiscarded,
  reportFirstContactTimes,
  reportSources,
} from "./reports.service.js";
