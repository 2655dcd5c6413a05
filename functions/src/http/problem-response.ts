import type { HttpResponseInit } from "@azure/functions";
import type { FieldError } from "@dealflow/contract";

/** The contract's problem (contract/src/common), as the server builds it. */
export type Problem = {
  status: number;
  title: string;
  detail?: string;
  errors?: readonly FieldError[];
};

/** An RFC 9457 problem document, the one error shape of the API (CONTRACTS.md). */
export const problemResponse = (
  problem: Problem,
  headers: Record<string, string> = {},
): HttpResponseInit => ({
  status: problem.status,
  headers: { "Content-Type": "application/problem+json", ...headers },
  jsonBody: { type: "about:blank", ...problem },
});
