import type { HttpResponseInit, InvocationContext } from "@azure/functions";
import { toProblem } from "../api/http/api-problem.js";

/** The API's one error mapping (401 for UnauthorizedError); the unexpected are logged. */
export const problemOf = (error: unknown, context: InvocationContext): HttpResponseInit => {
  const { response, unexpected } = toProblem(error);
  if (unexpected) context.error("Unexpected error:", error);
  return response;
};
