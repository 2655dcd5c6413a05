import type { ApiClient } from "./api-client.js";

/** The opportunity detail's participants, followers, tasks and the contact profile. */
export const createDetailApi = (_client: ApiClient) => ({});
