import type { FirstContactRequest } from "@dealflow/contract";

/**
 * What the queue's three dialogs send: the contract's one flat body, narrowed to the fields
 * each action fills (the dialog offers 24, 48 or 72 hours; a discard always has a reason).
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
    | { action: "second-contact"; delayHours: 24 | 48 | 72 }
    | { action: "discard"; reason: string; notes: string | null }
  );
