import type { OpportunityListItem as Opportunity, Task } from "@dealflow/contract";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { CompleteTaskDialog } from "../../agenda/CompleteTaskDialog.js";
import { useNow } from "../../common/use-now.js";
import { Section, useDetailStyles } from "../detail-layout.js";
import { AddTaskDialog } from "./AddTaskDialog.js";
import { orderTasks } from "./order-tasks.js";
import { TaskItem } from "./TaskItem.js";

/**
 * The opportunity's tasks (SPEC §4.1, §4.3): open ones first, soonest due first, then those
 * done or cancelled. Completing asks "how did it go?" as the agenda does.
 */
export const TasksSection = (props: {
  opportunity: Opportunity;
  tasks: readonly Task[];
  canEdit: boolean;
  onChanged: (message: string) => Promise<void>;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useDetailStyles();
  const now = useNow();
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<Task | null>(null);
  const { open, closed } = orderTasks(props.tasks);

  const list = (tasks: Task[], headingId: string, heading: string, empty: string) => (
    <div>
      <Subtitle2 as="h3" id={headingId} className={styles.subheading}>
        {heading}
      </Subtitle2>
      {tasks.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <ul className={styles.plainList} aria-labelledby={headingId}>
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              now={now}
              canComplete={task.permissions.change}
              onComplete={setCompleting}
            />
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Section
      id="detail-tasks"
      heading={t("detail.tasks")}
      actions={
        props.canEdit && <Button onClick={() => setAdding(true)}>{t("detail.tasks.add")}</Button>
      }
    >
      {list(open, "detail-tasks-open", t("detail.tasks.open"), t("detail.tasks.noneOpen"))}
      {closed.length > 0 && list(closed, "detail-tasks-closed", t("detail.tasks.closed"), "")}
      {adding && (
        <AddTaskDialog
          opportunityId={props.opportunity.id}
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            const task = await api.createTask(input);
            setAdding(false);
            await props.onChanged(t("detail.tasks.added", { title: task.title }));
          }}
        />
      )}
      {completing && (
        <CompleteTaskDialog
          taskTitle={completing.title}
          onCancel={() => setCompleting(null)}
          canNote={completing.opportunityId !== null}
          onSubmit={async (completion) => {
            await api.completeTask(completing.id, completion);
            setCompleting(null);
            await props.onChanged(t("detail.tasks.completed", { title: completing.title }));
          }}
        />
      )}
    </Section>
  );
};
