import type { Activity, Note, OpportunityListItem as Opportunity, Task } from "@dealflow/contract";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNotify } from "../common/notify.js";
import { CardSkeleton, ErrorState, ListSkeleton } from "../common/view-state.js";
import { ContactProfileDialog } from "../contact/ContactProfileDialog.js";
import { MarketplaceSection } from "../marketplace/MarketplaceSection.js";
import { composeEmailHref } from "./compose-email.js";
import { DetailHeader } from "./DetailHeader.js";
import { useDetailStyles } from "./detail-layout.js";
import { EditOpportunityDialog } from "./edit/EditOpportunityDialog.js";
import { FactsSection } from "./FactsSection.js";
import { NotesSection } from "./NotesSection.js";
import { stageNameOf } from "./opportunity-stages.js";
import { ContactSection } from "./roles/ContactSection.js";
import { FollowersSection } from "./roles/FollowersSection.js";
import { ParticipantsSection } from "./roles/ParticipantsSection.js";
import { RoutingSection } from "./routing/RoutingSection.js";
import { TimelineSection } from "./TimelineSection.js";
import { TasksSection } from "./tasks/TasksSection.js";
import { useOpportunityWrite } from "./use-opportunity-write.js";

const CHANNELS: Record<string, MessageKey> = {
  phone: "channel.phone",
  "teams-meeting": "channel.teams-meeting",
  other: "channel.other",
};

const usePageStyles = makeStyles({
  page: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
});

type Loaded = {
  read: Versioned<Opportunity>;
  notes: Note[];
  activities: Activity[];
  tasks: Task[];
};

/** SPEC §4.1: one opportunity with its three role sections, facts, tasks, notes and timeline. */
export const DetailView = (props: { id: string; onBack: () => void }) => {
  const { t } = useI18n();
  const { api, me, settings, userNames } = useSession();
  const styles = useDetailStyles();
  const page = usePageStyles();
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profileOf, setProfileOf] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      const [read, notes, activities, tasks] = await Promise.all([
        api.opportunity(props.id),
        api.notes(props.id),
        api.activities(props.id),
        api.opportunityTasks(props.id),
      ]);
      setLoaded({ read, notes: notes.items, activities: activities.items, tasks });
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api, props.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const { busy, notice, run } = useOpportunityWrite(loaded?.read ?? null, load);
  const reloadWith = async (message: string) => {
    notify({ text: message });
    await load();
  };

  const failed = error && <ErrorState message={error} onRetry={() => void load()} />;
  if (!loaded)
    return (
      failed || (
        <div className={styles.columns}>
          <CardSkeleton cards={3} />
          <ListSkeleton rows={8} />
        </div>
      )
    );

  const opportunity = loaded.read.data;
  const following = opportunity.followers.includes(me.id);
  // SPEC §7, as the server decided for this user: owners and managers edit, others read.
  const canEdit = opportunity.permissions.edit;
  const mailto = composeEmailHref(opportunity.contact, opportunity.participants, opportunity.title);
  const channel = opportunity.contact.preferredChannel;
  const roles = { opportunity, canEdit, busy, run };
  // Following is one's own and the same whatever the version: Undo needs no If-Match.
  const follow = (on: boolean) =>
    run(
      (etag) => api.follow(opportunity.id, on, etag),
      t(on ? "detail.follow.done" : "detail.unfollow.done"),
      async () => {
        await api.follow(opportunity.id, !on, null);
        await load();
      },
    );

  return (
    <article aria-labelledby="detail-title" className={page.page}>
      <DetailHeader
        title={opportunity.title}
        stage={stageNameOf(settings, opportunity)}
        owner={opportunity.ownerId ? (userNames.get(opportunity.ownerId) ?? null) : null}
        mailto={mailto}
        following={following}
        busy={busy}
        onBack={props.onBack}
        onFollow={() => void follow(!following)}
        {...(canEdit ? { onEdit: () => setEditing(true) } : {})}
      />
      {failed}
      {channel && channel !== "email" && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("detail.prefers", { channel: t(CHANNELS[channel] ?? "channel.other") })}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role="alert">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.columns}>
        {/* Who and what: the three roles (SPEC §4.1), the facts, where it came from. */}
        <div className={styles.column}>
          <ContactSection
            contact={opportunity.contact}
            marketplace={opportunity.marketplace}
            onProfile={setProfileOf}
          />
          <ParticipantsSection {...roles} onProfile={setProfileOf} />
          <FollowersSection {...roles} />
          <FactsSection {...roles} />
          {opportunity.marketplace && (
            <MarketplaceSection
              application={opportunity.marketplace}
              activities={loaded.activities}
              {...(canEdit
                ? {
                    outcome: {
                      busy,
                      onOutcome: (outcome) =>
                        run(
                          (etag) => api.recordMarketplaceOutcome(opportunity.id, outcome, etag),
                          t(`marketplace.outcome.done.${outcome}`),
                        ),
                    },
                  }
                : {})}
            />
          )}
        </div>
        {/* The work: routing for managers, tasks, notes and what happened. */}
        <div className={styles.column}>
          {me.role === "manager" && <RoutingSection opportunity={opportunity} onRouted={load} />}
          <TasksSection
            opportunity={opportunity}
            tasks={loaded.tasks}
            canEdit={canEdit}
            onChanged={reloadWith}
          />
          <NotesSection {...roles} notes={loaded.notes} />
          <TimelineSection activities={loaded.activities} />
        </div>
      </div>
      {editing && (
        <EditOpportunityDialog
          read={loaded.read}
          onCancel={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await reloadWith(t("form.saved"));
          }}
        />
      )}
      {profileOf && (
        <ContactProfileDialog
          contactId={profileOf}
          opportunityId={opportunity.id}
          canEdit={canEdit}
          onClose={() => setProfileOf(null)}
          onSaved={async () => {
            setProfileOf(null);
            await reloadWith(t("form.saved"));
          }}
        />
      )}
    </article>
  );
};
