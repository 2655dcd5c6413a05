// The contact feature's public surface: other features and entry points import only this file.

export { type ContactEdit, type EditedContact, editContact } from "./contact.service.js";
export { type ContactDirectory, contactDirectory } from "./contact-directory.js";
export { openTasksOfContact } from "./contact-open-tasks.js";
export { contactRoutes } from "./contact-routes.js";
export { type AddedContact, addContact } from "./create-contact.service.js";
