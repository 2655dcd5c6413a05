import type { FirstContactRequest } from "@dealflow/contract";

/**
 * What the queue's three dialogs send: the contract's one flat body, narrowed to the fields
 * each action fills (the delay in hours: the team's setting, or 24, 48, 72; a discard always
 * has a reason).
 */
export type FirstContactAction = FirstContactRequest &
  (
    | {
        action: "ready-for-proposal";
        needs: string | null;
        budget: string | null;
        timing: string | null;
        notes: string | null;
      }
    | { action: "second-contact"; delayHours: number }
    | { action: "discard"; reason: string; notes: string | null }
  );
