import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Subtitle1,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useIsPhone } from "../common/use-width.js";
import { useInlineFieldClass, ViewHeader } from "../common/ViewHeader.js";
import { ErrorState, ListSkeleton } from "../common/view-state.js";
import { ImportSection } from "../import/ImportSection.js";
import { ChoiceListSection } from "./ChoiceListSection.js";
import { DurationsSection } from "./durations/DurationsSection.js";
import { IntakeFormsSection } from "./intake-forms/IntakeFormsSection.js";
import { ManagersSection } from "./ManagersSection.js";
import { MarketplacesSection } from "./marketplaces/MarketplacesSection.js";
import { NotificationsSection } from "./NotificationsSection.js";
import { PipelinesSection } from "./pipelines/PipelinesSection.js";
import { RegionSection } from "./RegionSection.js";
import { RoutingTargetsSection } from "./routing-targets/RoutingTargetsSection.js";
import { SETTINGS_SECTIONS, type SettingsSection, sectionOf } from "./settings-sections.js";
import { TeamsSection } from "./teams/TeamsSection.js";
import { type SettingsEditor, useSettingsEditor } from "./use-settings-editor.js";

const useStyles = makeStyles({
  page: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  panel: { display: "grid", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  // Twelve sections do not fit one line of a Teams tab: they wrap rather than scroll the page.
  sections: { flexWrap: "wrap" },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    flexWrap: "wrap",
  },
});

/**
 * Which section is shown: tabs on a laptop; on a phone, where ten tabs would wrap to five
 * lines, one picker.
 */
const SectionPicker = (props: {
  section: SettingsSection;
  onSection: (section: SettingsSection) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const inlineField = useInlineFieldClass();
  if (useIsPhone()) {
    return (
      <Field label={t("settings.sectionPicker")} orientation="horizontal" className={inlineField}>
        <Select
          value={props.section}
          onChange={(_event, data) => {
            const chosen = SETTINGS_SECTIONS.find((item) => item === data.value);
            if (chosen) props.onSection(chosen);
          }}
        >
          {SETTINGS_SECTIONS.map((item) => (
            <option key={item} value={item}>
              {t(`settings.tab.${item}`)}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  return (
    <TabList
      className={styles.sections}
      selectedValue={props.section}
      aria-label={t("settings.sections")}
      onTabSelect={(_event, data) => props.onSection(data.value as SettingsSection)}
    >
      {SETTINGS_SECTIONS.map((item) => (
        <Tab key={item} id={`settings-tab-${item}`} value={item}>
          {t(`settings.tab.${item}`)}
        </Tab>
      ))}
    </TabList>
  );
};

const SectionBody = (props: { section: SettingsSection; editor: SettingsEditor }) => {
  const { draft, read, errors, update } = props.editor;
  if (!draft || !read) return null;
  switch (props.section) {
    case "durations":
      return (
        <DurationsSection
          durations={props.editor.durations}
          errors={errors}
          onChange={props.editor.setDuration}
        />
      );
    case "discardReasons":
    case "sources": {
      const list = props.section;
      return (
        <ChoiceListSection
          list={list}
          items={draft[list]}
          errors={errors}
          onChange={(items) => update((current) => ({ ...current, [list]: items }))}
        />
      );
    }
    case "pipelines":
      return (
        <PipelinesSection
          pipelines={draft.pipelines}
          errors={errors}
          onChange={(pipelines) => update((current) => ({ ...current, pipelines }))}
        />
      );
    case "managers":
      return (
        <ManagersSection
          managerIds={draft.managerIds}
          onChange={(managerIds) => update((current) => ({ ...current, managerIds }))}
        />
      );
    case "region":
      return (
        <RegionSection
          timeZone={draft.timeZone}
          locale={draft.locale}
          workingHours={draft.workingHours}
          errors={errors}
          onChange={(patch) => update((current) => ({ ...current, ...patch }))}
        />
      );
    case "notifications":
      return (
        <NotificationsSection
          activityFeed={draft.activityFeed}
          retentionDays={draft.retentionDays}
          retentionError={errors.get("retentionDays")}
          onChange={(patch) => update((current) => ({ ...current, ...patch }))}
        />
      );
    case "intakeForms":
      return (
        <IntakeFormsSection
          draft={draft}
          savedKeys={new Set(read.data.intakeForms.map((form) => form.key))}
          errors={errors}
          onChange={(intakeForms) => update((current) => ({ ...current, intakeForms }))}
          onRotated={props.editor.markSecret}
        />
      );
    case "marketplaces":
      return (
        <MarketplacesSection
          draft={draft}
          savedKeys={new Set(read.data.marketplaces.map((connector) => connector.key))}
          errors={errors}
          onChange={(marketplaces) => update((current) => ({ ...current, marketplaces }))}
          onRotated={props.editor.markSecret}
        />
      );
    case "teams":
      return <TeamsSection />;
    case "routingTargets":
      return <RoutingTargetsSection />;
    case "import":
      return <ImportSection />;
  }
};

/** The managers' settings (SPEC §3, §6, §7): one document, edited by section, saved whole. */
export const SettingsView = () => {
  const { t } = useI18n();
  const styles = useStyles();
  const editor = useSettingsEditor();
  const [section, setSection] = useState<SettingsSection>("durations");
  const { notice } = editor;
  const phone = useIsPhone();

  const save = async () => {
    const errors = await editor.save();
    const first = [...errors.keys()].map(sectionOf).find((found) => found !== null);
    if (first) setSection(first);
  };

  const panel = (
    <>
      <Subtitle1 as="h2" id="settings-section-title">
        {t(`settings.section.${section}`)}
      </Subtitle1>
      <SectionBody section={section} editor={editor} />
    </>
  );

  return (
    <section aria-labelledby="settings-title" className={styles.page}>
      <ViewHeader title={t("nav.settings")} titleId="settings-title" />
      {editor.loadError && (
        <ErrorState message={editor.loadError} onRetry={() => void editor.load()} />
      )}
      {!editor.draft && !editor.loadError && <ListSkeleton rows={5} />}
      {editor.draft && (
        <>
          <SectionPicker section={section} onSection={setSection} />
          {notice && (
            <MessageBar
              intent={notice.intent}
              role={notice.intent === "error" ? "alert" : "status"}
            >
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
          {phone ? (
            // A phone's picker has no tabs: the section is a region named by its title.
            <section aria-labelledby="settings-section-title" className={styles.panel}>
              {panel}
            </section>
          ) : (
            <div
              role="tabpanel"
              aria-labelledby={`settings-tab-${section}`}
              className={styles.panel}
            >
              {panel}
            </div>
          )}
          {/* Import, teams and the routing catalog write at once, not with the settings document. */}
          {section !== "import" && section !== "routingTargets" && section !== "teams" && (
            <div className={styles.bar}>
              <Button
                appearance="primary"
                disabled={editor.busy || !editor.dirty}
                onClick={() => void save()}
              >
                {t("action.save")}
              </Button>
              <Button disabled={editor.busy || !editor.dirty} onClick={editor.cancel}>
                {t("action.cancel")}
              </Button>
              <Text>{editor.dirty ? t("settings.unsaved") : t("settings.noChanges")}</Text>
            </div>
          )}
        </>
      )}
    </section>
  );
};
