import type { ApiClient } from "./api-client.js";

/** Settings, intake-form secrets and CSV import (managers). */
export const createSettingsApi = (_client: ApiClient) => ({});
