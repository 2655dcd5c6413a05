import { randomUUID } from "node:crypto";
import azureFunctions, { type InvocationContext, type TriggerMetadata } from "@azure/functions";
import type { Logger } from "@dealflow/functions/hosting";

/** A real `InvocationContext`, as the Functions host would create it, logging to `log`. */
export const createInvocationContext = (
  functionName: string,
  log: Logger,
  triggerMetadata?: TriggerMetadata,
): InvocationContext =>
  new azureFunctions.InvocationContext({
    functionName,
    invocationId: randomUUID(),
    triggerMetadata,
    logHandler: (level, ...args) => {
      const [first, ...rest] = args;
      const message = `[${functionName}] ${typeof first === "string" ? first : ""}`;
      const details = typeof first === "string" ? rest : args;
      if (level === "error" || level === "critical") log.error(message, ...details);
      else if (level === "warning") log.warn(message, ...details);
      else if (level === "information") log.info(message, ...details);
    },
  });
