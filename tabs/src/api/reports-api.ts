import type { ApiClient } from "./api-client.js";

/** Reports, the discarded contacts list and its CSV export (managers). */
export const createReportsApi = (_client: ApiClient) => ({});
