import type { ApiClient } from "./api-client.js";

/** Settings, reports, the discarded list, CSV import and export (managers). */
export const createManagerApi = (_client: ApiClient) => ({});
