import type { IsoDateTime } from "../shared/time.js";

export type Note = {
  tenantId: string;
  id: string;
  opportunityId: string;
  authorId: string | null;
  text: string;
  createdAt: IsoDateTime;
};

export const MAX_NOTE_LENGTH = 10_000;
