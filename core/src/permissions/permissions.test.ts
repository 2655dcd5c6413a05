import { describe, expect, it } from "vitest";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { type DomainErrorCode, isDomainError } from "../shared/domain-error.js";
import {
  makeOpportunity,
  makePipeline,
  makeSettings,
  makeViewer,
  OTHER_TENANT_ID,
} from "../shared/fixtures.test-support.js";
import type { Viewer } from "../user/user.types.js";
import { assertCanEdit, assertCanRead, canEdit, canRead, isManager } from "./permissions.js";

const settings = makeSettings({
  managerIds: ["user-listed-manager"],
  pipelines: [
    makePipeline({ id: "sales" }),
    makePipeline({ id: "partners", visibility: "team", teamId: "team-partners" }),
    // A team id on an owner-visibility pipeline shares nothing.
    makePipeline({ id: "sales-emea", visibility: "owner", teamId: "team-partners" }),
  ],
});

const owned = makeOpportunity({ ownerId: "user-owner", followers: ["user-follower"] });
const inTeamPipeline = makeOpportunity({ pipelineId: "partners", ownerId: "user-owner" });

type Row = {
  case: string;
  viewer: Viewer;
  opportunity: Opportunity;
  read: boolean;
  edit: boolean;
};

// SPEC §7 as a table: who, on what, may read / may edit.
const matrix: Row[] = [
  {
    case: "the owner reads and edits",
    viewer: makeViewer({ userId: "user-owner" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a follower reads but does not edit",
    viewer: makeViewer({ userId: "user-follower" }),
    opportunity: owned,
    read: true,
    edit: false,
  },
  {
    case: "another seller neither reads nor edits",
    viewer: makeViewer({ userId: "user-other" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "another seller does not read an unassigned opportunity",
    viewer: makeViewer({ userId: "user-other" }),
    opportunity: makeOpportunity({ ownerId: null }),
    read: false,
    edit: false,
  },
  {
    case: "a manager by app role reads and edits",
    viewer: makeViewer({ userId: "user-manager", role: "manager" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a manager listed in settings.managerIds reads and edits",
    viewer: makeViewer({ userId: "user-listed-manager", role: "seller" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a manager of another tenant neither reads nor edits",
    viewer: makeViewer({ tenantId: OTHER_TENANT_ID, userId: "user-manager", role: "manager" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant with the owner's user id neither reads nor edits",
    viewer: makeViewer({ tenantId: OTHER_TENANT_ID, userId: "user-owner" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant with a follower's user id does not read",
    viewer: makeViewer({ tenantId: OTHER_TENANT_ID, userId: "user-follower" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant whose id is in managerIds neither reads nor edits",
    viewer: makeViewer({ tenantId: OTHER_TENANT_ID, userId: "user-listed-manager" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a member of the pipeline's team reads but does not edit",
    viewer: makeViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: inTeamPipeline,
    read: true,
    edit: false,
  },
  {
    case: "a member of the pipeline's team who owns the opportunity reads and edits",
    viewer: makeViewer({ userId: "user-owner", teamIds: ["team-partners"] }),
    opportunity: inTeamPipeline,
    read: true,
    edit: true,
  },
  {
    case: "a seller outside the pipeline's team does not read",
    viewer: makeViewer({ userId: "user-teammate", teamIds: ["team-elsewhere"] }),
    opportunity: inTeamPipeline,
    read: false,
    edit: false,
  },
  {
    case: "a member of the pipeline's team of another tenant does not read",
    viewer: makeViewer({
      tenantId: OTHER_TENANT_ID,
      userId: "user-teammate",
      teamIds: ["team-partners"],
    }),
    opportunity: inTeamPipeline,
    read: false,
    edit: false,
  },
  {
    case: "a team member does not read in an owner-visibility pipeline that names the team",
    viewer: makeViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: makeOpportunity({ pipelineId: "sales-emea" }),
    read: false,
    edit: false,
  },
  {
    case: "a team member does not read in a pipeline missing from the settings",
    viewer: makeViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: makeOpportunity({ pipelineId: "deleted-pipeline" }),
    read: false,
    edit: false,
  },
];

const errorCodeOf = (guard: () => void): DomainErrorCode | null => {
  try {
    guard();
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
};

describe("isManager", () => {
  it.each([
    {
      case: "is true for the Dealflow.Manager app role",
      viewer: makeViewer({ userId: "user-a", role: "manager" }),
      manager: true,
    },
    {
      case: "is true for a seller listed in managerIds (tenants without app roles)",
      viewer: makeViewer({ userId: "user-listed-manager", role: "seller" }),
      manager: true,
    },
    {
      case: "is false for a seller not listed in managerIds",
      viewer: makeViewer({ userId: "user-a", role: "seller" }),
      manager: false,
    },
  ])("$case", ({ viewer, manager }) => {
    expect(isManager(viewer, settings)).toBe(manager);
  });
});

describe("canRead and canEdit", () => {
  it.each(matrix)("$case", ({ viewer, opportunity, read, edit }) => {
    expect({
      read: canRead(viewer, opportunity, settings),
      edit: canEdit(viewer, opportunity, settings),
    }).toEqual({ read, edit });
  });
});

describe("assertCanRead", () => {
  it.each(matrix.filter((row) => row.read))("lets through: $case", ({ viewer, opportunity }) => {
    expect(errorCodeOf(() => assertCanRead(viewer, opportunity, settings))).toBeNull();
  });

  it.each(matrix.filter((row) => !row.read))(
    "answers not-found, so existence does not leak: $case",
    ({ viewer, opportunity }) => {
      expect(errorCodeOf(() => assertCanRead(viewer, opportunity, settings))).toBe("not-found");
    },
  );
});

describe("assertCanEdit", () => {
  it.each(matrix.filter((row) => row.edit))("lets through: $case", ({ viewer, opportunity }) => {
    expect(errorCodeOf(() => assertCanEdit(viewer, opportunity, settings))).toBeNull();
  });

  it.each(matrix.filter((row) => row.read && !row.edit))(
    "answers forbidden to who sees but may not change: $case",
    ({ viewer, opportunity }) => {
      expect(errorCodeOf(() => assertCanEdit(viewer, opportunity, settings))).toBe("forbidden");
    },
  );

  it.each(matrix.filter((row) => !row.read))(
    "answers not-found, not forbidden, to who cannot see: $case",
    ({ viewer, opportunity }) => {
      expect(errorCodeOf(() => assertCanEdit(viewer, opportunity, settings))).toBe("not-found");
    },
  );
});

describe("the system actor (null viewer: intake, timers)", () => {
  it.each([
    { case: "an owned opportunity", opportunity: owned },
    { case: "an unassigned opportunity", opportunity: makeOpportunity({ ownerId: null }) },
    { case: "a team pipeline's opportunity", opportunity: inTeamPipeline },
  ])("reads and edits $case", ({ opportunity }) => {
    expect(errorCodeOf(() => assertCanRead(null, opportunity, settings))).toBeNull();
    expect(errorCodeOf(() => assertCanEdit(null, opportunity, settings))).toBeNull();
  });
});
