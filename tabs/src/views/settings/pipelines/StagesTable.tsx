import type { Stage } from "@dealflow/contract";
import {
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { STAGE_ROLES, type StageRole } from "../../../api/settings-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useColumnDrop } from "../../common/list/column-drop.js";
import type { FieldErrors } from "../validate-settings.js";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  id: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

const moved = <T,>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/** A pipeline's stages in order: rename, give a role, move up or down, remove. */
export const StagesTable = (props: {
  pipelineName: string;
  at: string;
  stages: Stage[];
  errors: FieldErrors;
  onChange: (stages: Stage[]) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const drop = useColumnDrop();
  const { stages } = props;
  const change = (index: number, patch: Partial<Stage>) =>
    props.onChange(stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)));

  return (
    <Table size="small" aria-label={t("settings.stages.of", { name: props.pipelineName })}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={drop.phone}>{t("settings.stage.position")}</TableHeaderCell>
          <TableHeaderCell>{t("settings.choice.name")}</TableHeaderCell>
          <TableHeaderCell className={drop.phone}>{t("settings.choice.id")}</TableHeaderCell>
          <TableHeaderCell>{t("settings.stage.role")}</TableHeaderCell>
          <TableHeaderCell>{t("column.actions")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {stages.map((stage, index) => {
          const name = stage.name || stage.id;
          return (
            <TableRow key={stage.id}>
              <TableCell className={drop.phone}>{index + 1}</TableCell>
              <TableCell>
                <Field validationMessage={props.errors.get(`${props.at}.stages.${index}.name`)}>
                  <Input
                    className={drop.fill}
                    aria-label={t("settings.stage.nameOf", { id: stage.id })}
                    value={stage.name}
                    maxLength={80}
                    onChange={(_event, data) => change(index, { name: data.value })}
                  />
                </Field>
              </TableCell>
              <TableCell className={mergeClasses(styles.id, drop.phone)}>{stage.id}</TableCell>
              <TableCell>
                <Select
                  className={drop.fill}
                  aria-label={t("settings.stage.roleOf", { id: stage.id })}
                  value={stage.role ?? ""}
                  onChange={(_event, data) =>
                    change(index, { role: data.value === "" ? null : (data.value as StageRole) })
                  }
                >
                  <option value="">{t("settings.role.none")}</option>
                  {STAGE_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`settings.role.${role}`)}
                    </option>
                  ))}
                </Select>
              </TableCell>
              <TableCell>
                <div className={mergeClasses(styles.actions, drop.stackOnPhone)}>
                  <Button
                    size="small"
                    disabled={index === 0}
                    aria-label={t("settings.stage.up", { name })}
                    onClick={() => props.onChange(moved(stages, index, index - 1))}
                  >
                    {t("settings.up")}
                  </Button>
                  <Button
                    size="small"
                    disabled={index === stages.length - 1}
                    aria-label={t("settings.stage.down", { name })}
                    onClick={() => props.onChange(moved(stages, index, index + 1))}
                  >
                    {t("settings.down")}
                  </Button>
                  <Button
                    size="small"
                    aria-label={t("settings.removeNamed", { name })}
                    onClick={() => props.onChange(stages.filter((_stage, at) => at !== index))}
                  >
                    {t("settings.remove")}
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
