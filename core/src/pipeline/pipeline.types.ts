/**
 * What a stage means to the rules. `new` receives new opportunities; first-contact actions
 * move to `second-contact` / `proposal`; `won` and `lost` close the opportunity.
 */
export type StageRole = "new" | "second-contact" | "proposal" | "won" | "lost";

export type Stage = { id: string; name: string; role: StageRole | null };

/** `owner`: sellers see only their own; `team`: members of `teamId` see all of the pipeline. */
export type PipelineVisibility = "owner" | "team";

export type Pipeline = {
  id: string;
  name: string;
  stages: Stage[];
  visibility: PipelineVisibility;
  teamId: string | null;
};

export const DEFAULT_STAGES: readonly Stage[] = [
  { id: "new", name: "New", role: "new" },
  { id: "second-contact", name: "Second contact", role: "second-contact" },
  { id: "proposal", name: "Proposal", role: "proposal" },
  { id: "negotiation", name: "Negotiation", role: null },
  { id: "won", name: "Won", role: "won" },
  { id: "lost", name: "Lost", role: "lost" },
];

export const stageWithRole = (pipeline: Pipeline, role: StageRole): Stage | undefined =>
  pipeline.stages.find((stage) => stage.role === role);
