// The note feature's public surface: other features and entry points import only this file.
export { addNote } from "./note.service.js";
export { noteRoutes } from "./notes.routes.js";
