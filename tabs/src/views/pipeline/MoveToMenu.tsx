import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";

/**
 * The keyboard way to move a card (and the only one: no drag and drop to learn): a menu of
 * the pipeline's other stages. `describedBy` names the card, so "Move to" says whose.
 */
export const MoveToMenu = (props: {
  opportunity: Opportunity;
  stages: readonly Stage[];
  describedBy: string;
  disabled: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
}) => {
  const { t } = useI18n();
  const targets = props.stages.filter((stage) => stage.id !== props.opportunity.stage);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          size="small"
          disabled={props.disabled || targets.length === 0}
          aria-describedby={props.describedBy}
        >
          {t("pipeline.moveTo")}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {targets.map((stage) => (
            <MenuItem key={stage.id} onClick={() => props.onMove(props.opportunity, stage)}>
              {stage.name}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
};
