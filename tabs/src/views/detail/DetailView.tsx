import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { describeApiError } from "../../api/api-error.js";
import type { Activity, Contact, Note, Opportunity, Stage } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { composeEmailHref } from "./compose-email.js";
import { type WriteResult, writeOpportunity } from "./write-opportunity.js";

const CHANNELS: Record<string, MessageKey> = {
  phone: "channel.phone",
  "teams-meeting": "channel.teams-meeting",
  other: "channel.other",
};

const DEFAULT_STAGES = ["new", "second-contact", "proposal", "negotiation", "won", "lost"];

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(16rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  section: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: tokens.spacingHorizontalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const Section = (props: { id: string; heading: string; children: ReactNode }) => {
  const styles = useStyles();
  return (
    <section aria-labelledby={props.id} className={styles.section}>
      <Subtitle1 as="h2" id={props.id}>
        {props.heading}
      </Subtitle1>
      {props.children}
    </section>
  );
};

const ContactLines = (props: { contact: Contact }) => (
  <>
    <Text weight="semibold">{props.contact.name}</Text>
    {[props.contact.company, props.contact.email, props.contact.phone]
      .filter((line): line is string => Boolean(line))
      .map((line) => (
        <div key={line}>{line}</div>
      ))}
  </>
);

type Loaded = { read: Versioned<Opportunity>; notes: Note[]; activities: Activity[] };

/** SPEC §4.1: one opportunity with its three role sections, facts, notes and timeline. */
export const DetailView = (props: { id: string; onBack: () => void }) => {
  const { t, locale, timeZone } = useI18n();
  const { api, me, settings, userNames } = useSession();
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; text: string } | null>(
    null,
  );
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [read, notes, activities] = await Promise.all([
        api.opportunity(props.id),
        api.notes(props.id),
        api.activities(props.id),
      ]);
      setLoaded({ read, notes: notes.items, activities: activities.items });
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api, props.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (id: string | null) => (id ? (userNames.get(id) ?? id) : t("detail.system"));
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);

  const run = async (write: (etag: string | null) => Promise<Versioned<Opportunity> | null>) => {
    if (!loaded) return;
    setBusy(true);
    try {
      const result: WriteResult = await writeOpportunity(api, loaded.read, write);
      if (result.kind === "gone") setNotice({ intent: "warning", text: t("conflict.gone") });
      if (result.kind === "conflict") {
        const fields = result.changed.map((field) => t(`changed.${field}`)).join(", ");
        setNotice({ intent: "warning", text: t("conflict.changed", { fields: fields || "—" }) });
      }
      if (result.kind === "done") setNotice({ intent: "success", text: t("form.saved") });
      await load();
    } catch (reason) {
      setNotice({ intent: "warning", text: describeApiError(reason) });
    } finally {
      setBusy(false);
    }
  };

  if (error) return <div role="alert">{error}</div>;
  if (!loaded) return <Spinner label={t("app.loading")} />;

  const opportunity = loaded.read.data;
  const following = opportunity.followers.includes(me.id);
  const canEdit = me.role === "manager" || opportunity.ownerId === me.id;
  const pipeline = settings.pipelines?.find((item) => item.id === opportunity.pipelineId);
  const stages: Stage[] = pipeline?.stages ?? DEFAULT_STAGES.map((id) => ({ id, name: id }));
  const source = settings.sources.find((item) => item.id === opportunity.source)?.label;
  const mailto = composeEmailHref(opportunity.contact, opportunity.participants, opportunity.title);
  const channel = opportunity.contact.preferredChannel;
  const facts: [MessageKey, string][] = [
    [
      "details.stage",
      stages.find((stage) => stage.id === opportunity.stage)?.name ?? opportunity.stage,
    ],
    ["column.owner", nameOf(opportunity.ownerId)],
    ["column.source", source ?? opportunity.source],
    ["column.campaign", opportunity.campaign ?? "—"],
    [
      "details.value",
      opportunity.value
        ? new Intl.NumberFormat(locale, {
            style: "currency",
            currency: opportunity.value.currency,
          }).format(opportunity.value.amount)
        : "—",
    ],
    ["details.tags", opportunity.tags.join(", ") || "—"],
    ["details.received", when(opportunity.receivedAt)],
  ];

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
        <Section id="detail-contact" heading={t("detail.contact")}>
          <ContactLines contact={opportunity.contact} />
        </Section>
        <Section id="detail-participants" heading={t("detail.participants")}>
          {opportunity.participants.length === 0 ? (
            <Text>{t("detail.none")}</Text>
          ) : (
            <ul className={styles.list}>
              {opportunity.participants.map((participant) => (
                <li key={participant.id}>
                  <ContactLines contact={participant} />
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="detail-followers" heading={t("detail.followers")}>
          {opportunity.followers.length === 0 ? (
            <Text>{t("detail.none")}</Text>
          ) : (
            <ul className={styles.list}>
              {opportunity.followers.map((id) => (
                <li key={id}>{nameOf(id)}</li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section id="detail-facts" heading={t("details.fields")}>
        <dl className={styles.facts}>
          {facts.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{t(label)}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </div>
          ))}
        </dl>
        {canEdit && (
          <div className={styles.grid}>
            {me.role === "manager" || opportunity.ownerId === me.id ? (
              <OwnerSelect
                label="field.owner"
                value={opportunity.ownerId}
                disabled={busy}
                onChange={(ownerId) =>
                  void run((etag) => api.changeOwner(opportunity.id, ownerId, etag))
                }
              />
            ) : null}
            <Field label={t("details.stage")}>
              <Select
                value={opportunity.stage}
                disabled={busy}
                onChange={(_event, data) =>
                  void run((etag) => api.changeStage(opportunity.id, data.value, etag))
                }
              >
                {stages.map((stage) => (
                  <option key={stage.id} value={stage.id}>
                    {stage.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )}
      </Section>
      <Section id="detail-tasks" heading={t("detail.tasks")}>
        <Text>{t("detail.tasksInAgenda")}</Text>
      </Section>
      <Section id="detail-notes" heading={t("details.notes")}>
        {loaded.notes.length === 0 ? (
          <Text>{t("details.noNotes")}</Text>
        ) : (
          <ul className={styles.list}>
            {loaded.notes.map((item) => (
              <li key={item.id}>
                <div>{item.text}</div>
                <Text size={200}>
                  {t("details.noteBy", {
                    author: nameOf(item.authorId),
                    time: when(item.createdAt),
                  })}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const text = note.trim();
              if (!text) return;
              void run(async (etag) => {
                await api.addNote(opportunity.id, text, etag);
                setNote("");
                return null;
              });
            }}
          >
            <Field label={t("detail.newNote")}>
              <Textarea value={note} onChange={(_event, data) => setNote(data.value)} />
            </Field>
            <Button type="submit" disabled={busy || note.trim() === ""}>
              {t("action.addNote")}
            </Button>
          </form>
        )}
      </Section>
      <Section id="detail-timeline" heading={t("detail.timeline")}>
        {loaded.activities.length === 0 ? (
          <Text>{t("detail.noActivity")}</Text>
        ) : (
          <ol className={styles.list}>
            {loaded.activities.map((activity) => (
              <li key={activity.id}>
                <time dateTime={activity.at}>{when(activity.at)}</time>{" "}
                {t("detail.activity", { type: activity.type, actor: nameOf(activity.actorId) })}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </article>
  );
};
