import type { Task } from "@dealflow/contract";
import { Badge, Button, Text } from "@fluentui/react-components";
import { TASK_KINDS } from "../../../api/menu-choices.js";
import { useSession } from "../../../app/session.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useDetailStyles } from "../detail-layout.js";

const kindOf = (kind: string) => TASK_KINDS.find((known) => known === kind) ?? "other";

/** One task of the detail: what, when, whose, and how it ended (in words, not colour only). */
export const TaskItem = (props: {
  task: Task;
  now: Date;
  canComplete: boolean;
  onComplete: (task: Task) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { userNames } = useSession();
  const styles = useDetailStyles();
  const { task } = props;
  const titleId = `task-${task.id}`;
  const overdue = task.status === "open" && Date.parse(task.dueAt) < props.now.getTime();
  const ended =
    task.status === "done"
      ? task.outcome
        ? t("detail.tasks.doneWith", { outcome: t(`outcome.${task.outcome}`) })
        : t("detail.tasks.done")
      : t("detail.tasks.cancelled");

  return (
    <li className={styles.item} data-task-status={task.status}>
      <div className={styles.grow}>
        <Text weight="semibold" id={titleId}>
          {task.title}
        </Text>
        <Text size={200}>
          {t(`taskKind.${kindOf(task.kind)}`)} ·{" "}
          <time dateTime={task.dueAt}>
            {t("agenda.due", { time: formatDateTime(task.dueAt, locale, timeZone) })}
          </time>{" "}
          · {t("detail.tasks.owner", { name: userNames.get(task.ownerId) ?? task.ownerId })}
        </Text>
      </div>
      {overdue && (
        <Badge appearance="tint" color="danger">
          {t("agenda.overdue")}
        </Badge>
      )}
      {task.status !== "open" && (
        <Badge appearance="tint" color={task.status === "done" ? "success" : "informative"}>
          {ended}
        </Badge>
      )}
      {task.status === "open" && props.canComplete && (
        <Button size="small" aria-describedby={titleId} onClick={() => props.onComplete(task)}>
          {t("action.complete")}
        </Button>
      )}
    </li>
  );
};
