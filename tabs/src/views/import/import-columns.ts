import type { ImportKind } from "../../api/settings-api.js";
import type { MessageKey } from "../../i18n/catalog-en.js";

export type ImportColumn = {
  name: string;
  required: boolean;
  /** Other headers the server accepts for it (matched ignoring case, spaces, dashes, underscores). */
  aliases: readonly string[];
  description: MessageKey;
};

// Mirrors CONTACT_COLUMNS and OPPORTUNITY_COLUMNS of functions/src/api/import/import-*.ts and
// the required columns of import-routes.ts; the server's report stays the authority.
const CONTACT_COLUMNS: readonly ImportColumn[] = [
  {
    name: "name",
    required: true,
    aliases: ["full name", "contact", "contact name"],
    description: "import.col.name",
  },
  {
    name: "email",
    required: false,
    aliases: ["e-mail", "email address", "mail"],
    description: "import.col.email",
  },
  {
    name: "phone",
    required: false,
    aliases: ["phone number", "telephone", "mobile"],
    description: "import.col.phone",
  },
  {
    name: "company",
    required: false,
    aliases: ["organization", "organisation", "company name"],
    description: "import.col.company",
  },
  {
    name: "linkedinUrl",
    required: false,
    aliases: ["linkedin", "linkedin url"],
    description: "import.col.linkedinUrl",
  },
  {
    name: "preferredChannel",
    required: false,
    aliases: ["preferred channel", "channel"],
    description: "import.col.preferredChannel",
  },
  { name: "tags", required: false, aliases: ["labels"], description: "import.col.tags" },
];

const OPPORTUNITY_COLUMNS: readonly ImportColumn[] = [
  ...CONTACT_COLUMNS,
  { name: "source", required: true, aliases: ["lead source"], description: "import.col.source" },
  {
    name: "campaign",
    required: false,
    aliases: ["utm_campaign"],
    description: "import.col.campaign",
  },
  {
    name: "title",
    required: false,
    aliases: ["opportunity", "deal"],
    description: "import.col.title",
  },
  {
    name: "owner",
    required: false,
    aliases: ["owner email", "owner id", "ownerid", "assigned to"],
    description: "import.col.owner",
  },
  {
    name: "pipeline",
    required: false,
    aliases: ["pipeline id", "pipelineid"],
    description: "import.col.pipeline",
  },
  {
    name: "externalId",
    required: false,
    aliases: ["external id", "lead id"],
    description: "import.col.externalId",
  },
  {
    name: "receivedAt",
    required: false,
    aliases: ["received at", "created", "date"],
    description: "import.col.receivedAt",
  },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  contacts: CONTACT_COLUMNS,
  opportunities: OPPORTUNITY_COLUMNS,
};

/** What the preview table shows of each valid row (keys of the server's `preview`). */
export const PREVIEW_FIELDS: Record<
  ImportKind,
  readonly { key: string; label: MessageKey; column?: string }[]
> = {
  contacts: [
    { key: "name", column: "name", label: "import.preview.name" },
    { key: "email", column: "email", label: "import.preview.email" },
    { key: "phone", column: "phone", label: "import.preview.phone" },
    { key: "company", column: "company", label: "import.preview.company" },
    { key: "tags", column: "tags", label: "import.preview.tags" },
  ],
  opportunities: [
    { key: "title", column: "title", label: "import.preview.opportunity" },
    { key: "contact", column: "name", label: "import.preview.contact" },
    { key: "email", column: "email", label: "import.preview.email" },
    { key: "source", column: "source", label: "import.preview.source" },
    { key: "ownerId", column: "owner", label: "import.preview.owner" },
    { key: "stage", label: "import.preview.stage" },
  ],
};

/** The server refuses bodies over 1 MiB (413); say so before uploading. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
