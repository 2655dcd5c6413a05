import {
  Button,
  mergeClasses,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { IntakeForm, ManagerSettings } from "../../../api/settings-api.js";
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
import { IntakeFormDialog } from "./IntakeFormDialog.js";

/** SPEC §6: the web forms that post leads, each with its own secret (shown once when made). */
export const IntakeFormsSection = (props: {
  draft: ManagerSettings;
  savedKeys: ReadonlySet<string>;
  errors: FieldErrors;
  onChange: (forms: IntakeForm[]) => void;
  onRotated: (key: string) => void;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useKeyedItemStyles();
  const drop = useColumnDrop();
  const forms = props.draft.intakeForms;
  const [editing, setEditing] = useState<IntakeForm | "new" | null>(null);
  const [rotating, setRotating] = useState<IntakeForm | null>(null);

  const replace = (key: string, next: IntakeForm | null) =>
    props.onChange(replaceByKey(forms, key, next));

  const errorsOf = (index: number) =>
    ["key", "name", "source", "campaign", "pipelineId", "ownerId", "routing"]
      .map((field) => props.errors.get(`intakeForms.${index}.${field}`))
      .filter((message): message is string => message !== undefined);

  return (
    <>
      {forms.length === 0 ? (
        <Text as="p">{t("settings.forms.none")}</Text>
      ) : (
        <Table size="small" aria-label={t("settings.section.intakeForms")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("settings.form.name")}</TableHeaderCell>
              <TableHeaderCell className={drop.phone}>{t("settings.form.key")}</TableHeaderCell>
              <TableHeaderCell className={drop.phone}>{t("field.source")}</TableHeaderCell>
              <TableHeaderCell>{t("settings.forms.secret")}</TableHeaderCell>
              <TableHeaderCell>{t("settings.forms.active")}</TableHeaderCell>
              <TableHeaderCell>{t("column.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {forms.map((form, index) => {
              const saved = props.savedKeys.has(form.key);
              return (
                <TableRow key={form.key}>
                  <TableCell>
                    {form.name}
                    <RowProblems messages={errorsOf(index)} />
                  </TableCell>
                  <TableCell className={mergeClasses(styles.mono, drop.phone)}>
                    {form.key}
                  </TableCell>
                  <TableCell className={drop.phone}>
                    {props.draft.sources.find((source) => source.id === form.source)?.label ??
                      form.source}
                  </TableCell>
                  <TableCell>
                    {!saved
                      ? t("settings.forms.saveFirst")
                      : form.hasSecret
                        ? t("settings.forms.hasSecret")
                        : t("settings.forms.noSecret")}
                  </TableCell>
                  <TableCell>
                    <Switch
                      checked={form.active}
                      aria-label={t("settings.forms.activeOf", { name: form.name })}
                      onChange={(_event, data) =>
                        replace(form.key, { ...form, active: data.checked })
                      }
                    />
                  </TableCell>
                  <TableCell>
                    <KeyedRowActions
                      saved={saved}
                      edit={{
                        text: t("settings.forms.edit"),
                        label: t("settings.forms.editOf", { name: form.name }),
                        onClick: () => setEditing(form),
                      }}
                      secret={{
                        text: t(form.hasSecret ? "settings.forms.rotate" : "settings.forms.create"),
                        label: t(
                          form.hasSecret ? "settings.forms.rotateOf" : "settings.forms.createOf",
                          { name: form.name },
                        ),
                        onClick: () => setRotating(form),
                      }}
                      remove={{
                        text: t("settings.remove"),
                        label: t("settings.removeNamed", { name: form.name }),
                        onClick: () => replace(form.key, null),
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
        <Button onClick={() => setEditing("new")}>{t("settings.form.add")}</Button>
      </div>
      {editing !== null && (
        <IntakeFormDialog
          settings={props.draft}
          editing={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSubmit={(form) => {
            if (editing === "new") props.onChange([...forms, form]);
            else replace(editing.key, form);
            setEditing(null);
          }}
        />
      )}
      {rotating && (
        <RotateSecretDialog
          name={rotating.name}
          // A form without a secret accepts nothing yet: there is nothing to break.
          confirm={
            rotating.hasSecret
              ? {
                  title: t("settings.rotate.title", { name: rotating.name }),
                  warning: t("settings.rotate.warning"),
                  action: t("settings.forms.rotate"),
                }
              : null
          }
          title={t("settings.secret.title", { name: rotating.name })}
          once={t("settings.secret.once")}
          rotate={() => api.rotateIntakeSecret(rotating.key)}
          onRotated={() => props.onRotated(rotating.key)}
          onClose={() => setRotating(null)}
          details={(rotated) => (
            <SecretAddressField
              label={t("settings.secret.address")}
              hint={t("settings.secret.howTo")}
              path={rotated.intakePath}
            />
          )}
        />
      )}
    </>
  );
};
