import type { ApiClient } from "./api-client.js";

/** Pipelines as boards and lists, and the channel tab's link to a pipeline. */
export const createPipelineApi = (_client: ApiClient) => ({});
