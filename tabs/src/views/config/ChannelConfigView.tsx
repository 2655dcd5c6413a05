import {
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Text,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import type { ChannelConfigPort } from "../../host/channel-config-port.js";
import { useI18n } from "../../i18n/i18n.js";
import { pipelineHash } from "../pipeline/pipeline-route.js";
import { pipelineOfEntityId, pipelineTabInstance } from "./pipeline-tab.js";

const useStyles = makeStyles({
  page: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "40rem" },
});

/**
 * The configurable tab's page (Teams shows it when the tab is added or its settings are
 * opened). In a team channel a manager picks the channel's pipeline; Save links the channel on
 * the server (the bot's `status` there then covers that pipeline) and saves the tab showing its
 * board. A group chat has no channel to link: anyone in it picks a pipeline and Save only saves
 * the tab on that board, which shows each member what Dealflow lets them see.
 */
export const ChannelConfigView = (props: { port: ChannelConfigPort }) => {
  const { t } = useI18n();
  const { api, settings, me } = useSession();
  const styles = useStyles();
  const { port } = props;
  const pipelines = settings.pipelines;
  const [pipelineId, setPipelineId] = useState(() => {
    const saved = pipelineOfEntityId(port.entityId);
    return pipelines.find((p) => p.id === saved)?.id ?? pipelines[0]?.id ?? "";
  });
  const manager = me.role === "manager";
  const inChat = port.channel === null && port.chat !== null;
  const allowed = port.channel !== null ? manager : inChat;
  const valid = port.inTeams && allowed && pipelineId !== "";
  // Teams calls the save handler later, with whatever is picked then.
  const picked = useRef(pipelineId);
  picked.current = pipelineId;

  useEffect(() => port.setValid(valid), [port, valid]);

  useEffect(() => {
    port.onSave(
      async () => {
        const pipeline = pipelines.find((p) => p.id === picked.current);
        if (!pipeline || (!port.channel && !port.chat)) throw new Error(t("config.noPlace"));
        if (port.channel) {
          const { teamId, channelId } = port.channel;
          await api.linkChannelPipeline({ channelId, teamId, pipelineId: pipeline.id });
        }
        return pipelineTabInstance(window.location.origin, pipeline, t);
      },
      (error) =>
        t(port.channel ? "config.saveFailed" : "config.chat.saveFailed", {
          reason: describeApiError(error),
        }),
    );
  }, [port, api, pipelines, t]);

  return (
    <section aria-labelledby="config-title" className={styles.page}>
      <Title2 as="h1" id="config-title">
        {t(inChat ? "config.chat.title" : "config.title")}
      </Title2>
      <Text>{t(inChat ? "config.chat.intro" : "config.intro")}</Text>
      {!port.inTeams && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("config.outsideTeams")}</MessageBarBody>
        </MessageBar>
      )}
      {port.inTeams && port.channel === null && !inChat && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("config.noPlace")}</MessageBarBody>
        </MessageBar>
      )}
      {port.inTeams && port.channel !== null && !manager && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("config.managersOnly")}</MessageBarBody>
        </MessageBar>
      )}
      {port.channel?.channelName && (
        <Text>{t("config.channel", { channel: port.channel.channelName })}</Text>
      )}
      {pipelines.length === 0 ? (
        <Text>{t("pipeline.none")}</Text>
      ) : (
        <Field label={t("pipeline.picker")}>
          <Select
            value={pipelineId}
            disabled={port.inTeams && !allowed}
            onChange={(_event, data) => setPipelineId(data.value)}
          >
            {pipelines.map((pipeline) => (
              <option key={pipeline.id} value={pipeline.id}>
                {pipeline.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!port.inTeams && pipelineId !== "" && (
        <Link href={pipelineHash({ pipelineId, layout: null, owner: null })}>
          {t("config.preview")}
        </Link>
      )}
    </section>
  );
};
