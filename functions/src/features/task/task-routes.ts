import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { cancelTaskRoute } from "./cancel-task.route.js";
import { completeTaskRoute } from "./complete-task.route.js";
import { createTaskRoute } from "./create-task.route.js";
import { getTaskRoute } from "./get-task.route.js";
import { listTasksRoute } from "./list-tasks.route.js";
import { updateTaskRoute } from "./update-task.route.js";

export const taskRoutes = (deps: RouteDeps): ApiRoute[] => [
  listTasksRoute(deps),
  createTaskRoute(deps),
  getTaskRoute(deps),
  updateTaskRoute(deps),
  completeTaskRoute(deps),
  cancelTaskRoute(deps),
];
