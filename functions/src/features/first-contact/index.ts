// The first-contact feature's public surface: other features and entry points import only this file.
export { firstContactRoute } from "./first-contact.route.js";
export { recordFirstContact } from "./first-contact.service.js";
