import type { Classification } from "../contact/contact.types.js";
import type {
  FirstContactAction,
  OpportunityDetailField,
  RefundState,
} from "../opportunity/opportunity.types.js";
import type { IsoDateTime } from "../shared/time.js";
import type { TaskKind, TaskOutcome } from "../task/task.types.js";

/** What happened, one variant per kind of timeline line. Followers are notified from these. */
export type ActivityDetails =
  | { type: "created"; source: string; campaign: string | null }
  | { type: "first-contact"; action: FirstContactAction; reason: string | null }
  /** `reason`: why it was lost, when the user said (SPEC §4.6: the channel's post names it). */
  | { type: "stage-changed"; from: string; to: string; reason?: string | null }
  | { type: "owner-changed"; from: string | null; to: string }
  /** Title, value, tags or campaign edited: names the fields, not their values. */
  | { type: "details-changed"; fields: OpportunityDetailField[] }
  | { type: "follower-added"; userId: string }
  | { type: "follower-removed"; userId: string }
  | { type: "participant-added"; contactId: string; name: string }
  | { type: "participant-removed"; contactId: string; name: string }
  | { type: "contact-promoted"; contactId: string; previousContactId: string }
  | { type: "note-added"; noteId: string; excerpt: string }
  | { type: "task-created"; taskId: string; kind: TaskKind; title: string; dueAt: IsoDateTime }
  | { type: "task-rescheduled"; taskId: string; from: IsoDateTime; to: IsoDateTime }
  | { type: "task-completed"; taskId: string; title: string; outcome: TaskOutcome | null }
  | { type: "task-cancelled"; taskId: string; title: string }
  | {
      type: "classification";
      contactId: string;
      from: Classification | null;
      to: Classification | null;
    }
  | { type: "contact-revealed"; automatic: boolean }
  /** `refund` is "none" when no fee was paid; `refundReason` says why a refund is not due. */
  | {
      type: "contact-withheld";
      refund: RefundState;
      refundReason: string | null;
    }
  | { type: "client-reminded" }
  /**
   * The client declined after their contact was revealed: it stays revealed and open, and the
   * refund is decided (not eligible, with the reason). A decline while hidden is contact-withheld.
   */
  | { type: "client-declined"; refund: RefundState; refundReason: string | null };

export type ActivityType = ActivityDetails["type"];

export type Activity = {
  tenantId: string;
  id: string;
  opportunityId: string;
  at: IsoDateTime;
  /** null when the system did it (intake, a timer). */
  actorId: string | null;
} & ActivityDetails;
