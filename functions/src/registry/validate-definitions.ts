import type { FunctionDefinition } from "./function-definition.js";
import { queueNameProblem } from "./queue-name.js";

/**
 * Checks the declarations before any host runs them, so a mistake fails startup with a message
 * naming the function instead of surfacing later as a storage error.
 */
export const validateDefinitions = (definitions: readonly FunctionDefinition[]): void => {
  for (const definition of definitions) {
    if (definition.trigger !== "queue") continue;
    const problem = queueNameProblem(definition.queueName);
    if (problem !== undefined) {
      throw new Error(
        `Queue function "${definition.name}": "${definition.queueName}" is not a valid Azure queue name: ${problem}`,
      );
    }
  }
};
