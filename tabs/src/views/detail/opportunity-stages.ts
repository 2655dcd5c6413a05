import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import type { Session } from "../../app/session.js";

const DEFAULT_STAGES = ["new", "second-contact", "proposal", "negotiation", "won", "lost"];

/** The stages of the opportunity's pipeline (by id and name), or the default ids when it is unknown. */
export const stagesOf = (
  settings: Session["settings"],
  opportunity: Opportunity,
): Pick<Stage, "id" | "name">[] =>
  settings.pipelines.find((item) => item.id === opportunity.pipelineId)?.stages ??
  DEFAULT_STAGES.map((id) => ({ id, name: id }));

/** The name the pipeline gives the opportunity's stage. */
export const stageNameOf = (settings: Session["settings"], opportunity: Opportunity): string =>
  stagesOf(settings, opportunity).find((stage) => stage.id === opportunity.stage)?.name ??
  opportunity.stage;
