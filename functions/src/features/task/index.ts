// The task feature's public surface: other features and entry points import only this file.

export {
  cancelTask,
  completeTask,
  createTask,
  type NewTask,
  type SavedTask,
  type TaskPatch,
  updateTask,
} from "./task.service.js";
export { taskRoutes } from "./task-routes.js";
