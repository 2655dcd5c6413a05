import type { MarketplaceConnector } from "@dealflow/contract";
import {
  Button,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ManagerSettings } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useColumnDrop } from "../../common/list/column-drop.js";
import {
  KeyedRowActions,
  RowProblems,
  replaceByKey,
  useKeyedItemStyles,
} from "../secrets/keyed-items.js";
import { RotateSecretDialog } from "../secrets/RotateSecretDialog.js";
import { SecretAddressField } from "../secrets/SecretFields.js";
import type { FieldErrors } from "../validate-settings.js";
import { ConnectorDialog } from "./ConnectorDialog.js";
import { formatDelay } from "./connector-delays.js";

const FIELDS = ["key", "name", "pipelineId", "reminderMinutes", "revealMinutes"];

// GET /api/settings says whether a connector has a secret (PUT ignores it).
const hasSecret = (connector: MarketplaceConnector): boolean => connector.hasSecret === true;

/**
 * SPEC §4.4: the marketplaces that post their applications' events, saved with the rest of
 * the settings; each signs with a secret made here and shown once.
 */
export const MarketplacesSection = (props: {
  draft: ManagerSettings;
  savedKeys: ReadonlySet<string>;
  errors: FieldErrors;
  onChange: (connectors: MarketplaceConnector[]) => void;
  /** A secret was made: the settings editor records it in the draft, as for intake forms. */
  onRotated: (key: string) => void;
}) => {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const styles = useKeyedItemStyles();
  const drop = useColumnDrop();
  const connectors = props.draft.marketplaces;
  const pipelines = new Map(props.draft.pipelines.map((pipeline) => [pipeline.id, pipeline.name]));
  const [editing, setEditing] = useState<MarketplaceConnector | "new" | null>(null);
  const [rotating, setRotating] = useState<MarketplaceConnector | null>(null);

  const replace = (key: string, next: MarketplaceConnector | null) =>
    props.onChange(replaceByKey(connectors, key, next));

  // The server's 400 names `marketplaces.<index>.<field>`; a removed pipeline, which the
  // server refuses, is flagged before the manager saves.
  const problemsOf = (connector: MarketplaceConnector, index: number) => [
    ...FIELDS.map((field) => props.errors.get(`marketplaces.${index}.${field}`)).filter(
      (message): message is string => message !== undefined,
    ),
    ...(connector.pipelineId !== null && !pipelines.has(connector.pipelineId)
      ? [t("connectors.error.noPipeline")]
      : []),
  ];

  return (
    <>
      <Text as="p">{t("connectors.intro")}</Text>
      {connectors.length === 0 ? (
        <Text as="p">{t("connectors.none")}</Text>
      ) : (
        <Table size="small" aria-label={t("connectors.table")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("connectors.name")}</TableHeaderCell>
              <TableHeaderCell className={drop.phone}>{t("connectors.key")}</TableHeaderCell>
              <TableHeaderCell className={drop.phone}>{t("connectors.pipeline")}</TableHeaderCell>
              <TableHeaderCell className={drop.phone}>
                {t("connectors.column.reminder")}
              </TableHeaderCell>
              <TableHeaderCell className={drop.phone}>
                {t("connectors.column.reveal")}
              </TableHeaderCell>
              <TableHeaderCell>{t("connectors.column.secret")}</TableHeaderCell>
              <TableHeaderCell>{t("column.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {connectors.map((connector, index) => {
              const saved = props.savedKeys.has(connector.key);
              return (
                <TableRow key={connector.key}>
                  <TableCell>
                    {connector.name}
                    <RowProblems messages={problemsOf(connector, index)} />
                  </TableCell>
                  <TableCell className={mergeClasses(styles.mono, drop.phone)}>
                    {connector.key}
                  </TableCell>
                  <TableCell className={drop.phone}>
                    {connector.pipelineId === null
                      ? t("connectors.pipelineAuto")
                      : (pipelines.get(connector.pipelineId) ?? connector.pipelineId)}
                  </TableCell>
                  <TableCell className={drop.phone}>
                    {formatDelay(locale, connector.reminderMinutes)}
                  </TableCell>
                  <TableCell className={drop.phone}>
                    {formatDelay(locale, connector.revealMinutes)}
                  </TableCell>
                  <TableCell>
                    {!saved
                      ? t("connectors.saveFirst")
                      : hasSecret(connector)
                        ? t("connectors.secretSet")
                        : t("connectors.noSecret")}
                  </TableCell>
                  <TableCell>
                    <KeyedRowActions
                      saved={saved}
                      edit={{
                        text: t("connectors.edit"),
                        label: t("connectors.editOf", { name: connector.name }),
                        onClick: () => setEditing(connector),
                      }}
                      secret={{
                        text: t("connectors.rotate"),
                        label: t("connectors.rotateOf", { name: connector.name }),
                        onClick: () => setRotating(connector),
                      }}
                      remove={{
                        text: t("settings.remove"),
                        label: t("connectors.removeOf", { name: connector.name }),
                        onClick: () => replace(connector.key, null),
                      }}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <div>
        <Button onClick={() => setEditing("new")}>{t("connectors.add")}</Button>
      </div>
      {editing !== null && (
        <ConnectorDialog
          settings={props.draft}
          editing={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSubmit={(connector) => {
            if (editing === "new") props.onChange([...connectors, connector]);
            else replace(editing.key, connector);
            setEditing(null);
          }}
        />
      )}
      {rotating && (
        <RotateSecretDialog
          name={rotating.name}
          // Before the first secret the marketplace cannot sign anything yet: nothing to break.
          confirm={
            hasSecret(rotating)
              ? {
                  title: t("connectors.confirm.title", { name: rotating.name }),
                  warning: t("connectors.confirm.warning"),
                  action: t("connectors.rotate"),
                }
              : null
          }
          title={t("connectors.secret.title", { name: rotating.name })}
          once={t("connectors.secret.once")}
          rotate={() => api.rotateMarketplaceSecret(rotating.key)}
          onRotated={() => props.onRotated(rotating.key)}
          onClose={() => setRotating(null)}
          details={(rotated) => (
            <SecretAddressField
              label={t("connectors.secret.address")}
              hint={t("connectors.secret.howTo", {
                minutes: Math.round(rotated.toleranceSeconds / 60),
              })}
              path={rotated.eventsPath}
            />
          )}
        />
      )}
    </>
  );
};
