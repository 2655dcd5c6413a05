import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import type { Session } from "../../app/session.js";

const DEFAULT_STAGES = ["new", "second-contact", "proposal", "negotiation", "won", "lost"];
const ROLE_OF_DEFAULT: Record<string, Stage["role"]> = {
  new: "new",
  "second-contact": "second-contact",
  proposal: "proposal",
  won: "won",
  lost: "lost",
};

/** The stages of the opportunity's pipeline (by id and name), or the default ids when it is unknown. */
export const stagesOf = (
  settings: Session["settings"],
  opportunity: Opportunity,
): Pick<Stage, "id" | "name" | "role">[] =>
  settings.pipelines.find((item) => item.id === opportunity.pipelineId)?.stages ??
  DEFAULT_STAGES.map((id) => ({
    id,
    name: id,
    role: ROLE_OF_DEFAULT[id] ?? null,
  }));

/** The name the pipeline gives the opportunity's stage. */
export const stageNameOf = (settings: Session["settings"], opportunity: Opportunity): string =>
  stagesOf(settings, opportunity).find((stage) => stage.id === opportunity.stage)?.name ??
  opportunity.stage;
