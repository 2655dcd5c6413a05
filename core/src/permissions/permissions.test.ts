import { describe, expect, it } from "vitest";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import {
  buildOpportunity,
  buildViewer,
  OTHER_TENANT,
  settingsWith,
} from "../shared/builders.test-support.js";
import { type DomainErrorCode, isDomainError } from "../shared/domain-error.js";
import { buildPipeline } from "../shared/fixtures.test-support.js";
import type { Viewer } from "../user/user.types.js";
import { assertCanEdit, assertCanRead, canEdit, canRead, isManager } from "./permissions.js";

const settings = settingsWith({
  managerIds: ["user-listed-manager"],
  pipelines: [
    buildPipeline({ id: "sales" }),
    buildPipeline({ id: "partners", visibility: "team", teamId: "team-partners" }),
    // A team id on an owner-visibility pipeline shares nothing.
    buildPipeline({ id: "sales-emea", visibility: "owner", teamId: "team-partners" }),
  ],
});

const owned = buildOpportunity({ ownerId: "user-owner", followers: ["user-follower"] });
const inTeamPipeline = buildOpportunity({ pipelineId: "partners", ownerId: "user-owner" });

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
    viewer: buildViewer({ userId: "user-owner" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a follower reads but does not edit",
    viewer: buildViewer({ userId: "user-follower" }),
    opportunity: owned,
    read: true,
    edit: false,
  },
  {
    case: "another seller neither reads nor edits",
    viewer: buildViewer({ userId: "user-other" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "another seller does not read an unassigned opportunity",
    viewer: buildViewer({ userId: "user-other" }),
    opportunity: buildOpportunity({ ownerId: null }),
    read: false,
    edit: false,
  },
  {
    case: "a manager by app role reads and edits",
    viewer: buildViewer({ userId: "user-manager", role: "manager" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a manager listed in settings.managerIds reads and edits",
    viewer: buildViewer({ userId: "user-listed-manager", role: "seller" }),
    opportunity: owned,
    read: true,
    edit: true,
  },
  {
    case: "a manager of another tenant neither reads nor edits",
    viewer: buildViewer({ tenantId: OTHER_TENANT, userId: "user-manager", role: "manager" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant with the owner's user id neither reads nor edits",
    viewer: buildViewer({ tenantId: OTHER_TENANT, userId: "user-owner" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant with a follower's user id does not read",
    viewer: buildViewer({ tenantId: OTHER_TENANT, userId: "user-follower" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a user of another tenant whose id is in managerIds neither reads nor edits",
    viewer: buildViewer({ tenantId: OTHER_TENANT, userId: "user-listed-manager" }),
    opportunity: owned,
    read: false,
    edit: false,
  },
  {
    case: "a member of the pipeline's team reads but does not edit",
    viewer: buildViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: inTeamPipeline,
    read: true,
    edit: false,
  },
  {
    case: "a member of the pipeline's team who owns the opportunity reads and edits",
    viewer: buildViewer({ userId: "user-owner", teamIds: ["team-partners"] }),
    opportunity: inTeamPipeline,
    read: true,
    edit: true,
  },
  {
    case: "a seller outside the pipeline's team does not read",
    viewer: buildViewer({ userId: "user-teammate", teamIds: ["team-elsewhere"] }),
    opportunity: inTeamPipeline,
    read: false,
    edit: false,
  },
  {
    case: "a member of the pipeline's team of another tenant does not read",
    viewer: buildViewer({
      tenantId: OTHER_TENANT,
      userId: "user-teammate",
      teamIds: ["team-partners"],
    }),
    opportunity: inTeamPipeline,
    read: false,
    edit: false,
  },
  {
    case: "a team member does not read in an owner-visibility pipeline that names the team",
    viewer: buildViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: buildOpportunity({ pipelineId: "sales-emea" }),
    read: false,
    edit: false,
  },
  {
    case: "a team member does not read in a pipeline missing from the settings",
    viewer: buildViewer({ userId: "user-teammate", teamIds: ["team-partners"] }),
    opportunity: buildOpportunity({ pipelineId: "deleted-pipeline" }),
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
      viewer: buildViewer({ userId: "user-a", role: "manager" }),
      manager: true,
    },
    {
      case: "is true for a seller listed in managerIds (tenants without app roles)",
      viewer: buildViewer({ userId: "user-listed-manager", role: "seller" }),
      manager: true,
    },
    {
      case: "is false for a seller not listed in managerIds",
      viewer: buildViewer({ userId: "user-a", role: "seller" }),
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
    { case: "an unassigned opportunity", opportunity: buildOpportunity({ ownerId: null }) },
    { case: "a team pipeline's opportunity", opportunity: inTeamPipeline },
  ])("reads and edits $case", ({ opportunity }) => {
    expect(errorCodeOf(() => assertCanRead(null, opportunity, settings))).toBeNull();
    expect(errorCodeOf(() => assertCanEdit(null, opportunity, settings))).toBeNull();
  });
});
