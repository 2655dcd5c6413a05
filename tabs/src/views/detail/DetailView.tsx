import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title2,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { describeApiError } from "../../api/api-error.js";
import type { Activity, Note, Opportunity } from "../../api/api-types.js";
import type { OpportunityTask } from "../../api/detail-api.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { ContactProfileDialog } from "../contact/ContactProfileDialog.js";
import { MarketplaceSection } from "../marketplace/MarketplaceSection.js";
import { composeEmailHref } from "./compose-email.js";
import { useDetailStyles } from "./detail-layout.js";
import { FactsSection } from "./FactsSection.js";
import { NotesSection } from "./NotesSection.js";
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

type Loaded = {
  read: Versioned<Opportunity>;
  notes: Note[];
  activities: Activity[];
  tasks: OpportunityTask[];
};

/** SPEC §4.1: one opportunity with its three role sections, facts, tasks, notes and timeline. */
export const DetailView = (props: { id: string; onBack: () => void }) => {
  const { t } = useI18n();
  const { api, me } = useSession();
  const styles = useDetailStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profileOf, setProfileOf] = useState<string | null>(null);

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

  const { busy, notice, setNotice, run } = useOpportunityWrite(loaded?.read ?? null, load);
  const reloadWith = async (message: string) => {
    setNotice({ intent: "success", text: message });
    await load();
  };

  if (error) return <div role="alert">{error}</div>;
  if (!loaded) return <Spinner label={t("app.loading")} />;

  const opportunity = loaded.read.data;
  const following = opportunity.followers.includes(me.id);
  // SPEC §7: the owner and managers edit; followers and teammates only read.
  const canEdit = me.role === "manager" || opportunity.ownerId === me.id;
  const mailto = composeEmailHref(opportunity.contact, opportunity.participants, opportunity.title);
  const channel = opportunity.contact.preferredChannel;
  const roles = { opportunity, canEdit, busy, run };

  return (
    <article aria-labelledby="detail-title">
      <div className={styles.header}>
        <Button onClick={props.onBack}>{t("action.back")}</Button>
        <Title2 as="h1" id="detail-title">
          {opportunity.title}
        </Title2>
        <Button
          appearance={following ? "secondary" : "primary"}
          disabled={busy}
          onClick={() => void run(async (etag) => api.follow(opportunity.id, !following, etag))}
        >
          {following ? t("action.unfollow") : t("action.follow")}
        </Button>
        {mailto && <Link href={mailto}>{t("action.composeEmail")}</Link>}
      </div>
      {channel && channel !== "email" && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("detail.prefers", { channel: t(CHANNELS[channel] ?? "channel.other") })}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.grid}>
        <ContactSection
          contact={opportunity.contact}
          marketplace={opportunity.marketplace}
          onProfile={setProfileOf}
        />
        <ParticipantsSection {...roles} onProfile={setProfileOf} />
        <FollowersSection {...roles} />
      </div>
      {opportunity.marketplace && (
        <MarketplaceSection application={opportunity.marketplace} activities={loaded.activities} />
      )}
      {me.role === "manager" && <RoutingSection opportunity={opportunity} onRouted={load} />}
      <FactsSection {...roles} />
      <TasksSection
        opportunity={opportunity}
        tasks={loaded.tasks}
        canEdit={canEdit}
        onChanged={reloadWith}
      />
      <NotesSection {...roles} notes={loaded.notes} />
      <TimelineSection activities={loaded.activities} />
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
