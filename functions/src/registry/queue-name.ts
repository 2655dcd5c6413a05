/** What the queue trigger appends to a queue's name for messages that keep failing. */
export const POISON_QUEUE_SUFFIX = "-poison";

// Azure allows 63 characters; the poison queue's name must fit too.
const MAX_LENGTH = 63 - POISON_QUEUE_SUFFIX.length;

/**
 * Why `name` is not a valid trigger queue name, or undefined when it is. Azure's rules: 3–63
 * lowercase letters, digits and dashes, starting and ending with a letter or digit, no two
 * dashes in a row; here at most 56, so that `<name>-poison` is valid as well.
 */
export const queueNameProblem = (name: string): string | undefined => {
  if (name.length < 3 || name.length > MAX_LENGTH) {
    return `it has ${name.length} characters; use 3 to ${MAX_LENGTH} (Azure's 63 less "${POISON_QUEUE_SUFFIX}" for the poison queue)`;
  }
  if (!/^[a-z0-9-]+$/.test(name)) return "use only lowercase letters, digits and dashes";
  if (name.startsWith("-") || name.endsWith("-")) {
    return "it must start and end with a letter or digit";
  }
  if (name.includes("--")) return "it must not contain two dashes in a row";
  return undefined;
};

export const poisonQueueName = (queueName: string) => `${queueName}${POISON_QUEUE_SUFFIX}`;
