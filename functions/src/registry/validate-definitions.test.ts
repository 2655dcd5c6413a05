import { describe, expect, it } from "vitest";
import type { QueueFunctionDefinition } from "./function-definition.js";
import { queueNameProblem } from "./queue-name.js";
import { validateDefinitions } from "./validate-definitions.js";

const queueFunction = (queueName: string): QueueFunctionDefinition => ({
  name: "deliver",
  trigger: "queue",
  queueName,
  handler: async () => {},
});

describe("queueNameProblem", () => {
  it.each(["abc", "notifications", "notify-1", "0-a", "a".repeat(56)])("accepts %s", (name) => {
    expect(queueNameProblem(name)).toBeUndefined();
  });

  it.each([
    ["ab", "it has 2 characters"],
    ["a".repeat(57), "it has 57 characters"],
    ["Notifications", "use only lowercase letters, digits and dashes"],
    ["notify_me", "use only lowercase letters, digits and dashes"],
    ["-notify", "it must start and end with a letter or digit"],
    ["notify-", "it must start and end with a letter or digit"],
    ["notify--me", "it must not contain two dashes in a row"],
  ])("refuses %s", (name, reason) => {
    expect(queueNameProblem(name)).toContain(reason);
  });
});

describe("validateDefinitions", () => {
  it("passes valid declarations", () => {
    expect(() => validateDefinitions([queueFunction("notifications")])).not.toThrow();
  });

  it("names the function, the queue and the rule broken", () => {
    expect(() => validateDefinitions([queueFunction("Notifications")])).toThrow(
      'Queue function "deliver": "Notifications" is not a valid Azure queue name: use only lowercase letters, digits and dashes',
    );
  });
});
