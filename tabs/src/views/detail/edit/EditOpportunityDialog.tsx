import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Versioned } from "../../../api/api-client.js";
import { ApiError } from "../../../api/api-error.js";
import { describeChanges } from "../../../api/describe-changes.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { FormDialog } from "../../common/FormDialog.js";
import {
  type OpportunityForm,
  type OpportunityFormErrors,
  type OpportunityFormField,
  opportunityFormOf,
  opportunityPatchOf,
  rebaseOpportunityForm,
  validateOpportunityForm,
} from "./opportunity-form.js";

const useStyles = makeStyles({
  // Amount and currency share a line; on a phone the amount takes what the currency leaves.
  money: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "start", minWidth: 0 },
  amount: { flex: "1 1 8rem", minWidth: 0 },
  currency: { flex: "0 0 6rem", minWidth: 0 },
  // A Fluent Input keeps its text box's own width unless told to take the field's.
  fill: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

const isFormField = (path: string): OpportunityFormField | null => {
  if (path === "value" || path === "value.amount") return "amount";
  if (path === "value.currency") return "currency";
  if (path.startsWith("tags")) return "tags";
  return ["title", "campaign", "source"].includes(path) ? (path as OpportunityFormField) : null;
};

/**
 * SPEC §4.1: the opportunity's title, value, campaign, source and tags, saved against the
 * version shown (If-Match). When someone else saved meanwhile (412) the dialog stays open on
 * the current version with the user's own edits on top and names what changed, so nothing
 * typed is lost and nothing of theirs is overwritten unseen.
 */
export const EditOpportunityDialog = (props: {
  read: Versioned<Opportunity>;
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) => {
  const { t } = useI18n();
  const { api, settings } = useSession();
  const styles = useStyles();
  const [read, setRead] = useState(props.read);
  const [form, setForm] = useState<OpportunityForm>(() => opportunityFormOf(props.read.data));
  const [errors, setErrors] = useState<OpportunityFormErrors>({});
  const set = (patch: Partial<OpportunityForm>) => setForm({ ...form, ...patch });
  // A source since removed from settings stays offered while the opportunity has it.
  const sources = settings.sources.some((source) => source.id === read.data.source)
    ? settings.sources
    : [...settings.sources, { id: read.data.source, label: read.data.source }];

  const submit = async () => {
    const local = validateOpportunityForm(form, t);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const patch = opportunityPatchOf(opportunityFormOf(read.data), form);
    if (Object.keys(patch).length === 0) return props.onCancel();
    try {
      await api.editOpportunity(read.data.id, patch, read.etag);
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      if (reason.isConflict) {
        const current = await api.opportunity(read.data.id);
        const changed = describeChanges(read.data, current.data);
        setForm(
          rebaseOpportunityForm(
            opportunityFormOf(read.data),
            opportunityFormOf(current.data),
            form,
          ),
        );
        setRead(current);
        const fields = changed.map((field) => t(`changed.${field}`)).join(", ");
        throw new Error(t("edit.conflict", { fields: fields || "—" }));
      }
      const known = reason.errors.flatMap((error) => {
        const field = isFormField(error.path);
        return field ? [[field, error.message] as const] : [];
      });
      setErrors(Object.fromEntries(known));
      throw reason;
    }
    await props.onSaved();
  };

  return (
    <FormDialog title={t("edit.title")} onCancel={props.onCancel} onSubmit={submit}>
      <Field label={t("edit.field.title")} required validationMessage={errors.title}>
        <Input value={form.title} maxLength={200} onChange={(_e, d) => set({ title: d.value })} />
      </Field>
      <div className={styles.money}>
        <Field
          className={styles.amount}
          label={t("details.value")}
          hint={t("edit.valueHint")}
          validationMessage={errors.amount}
        >
          <Input
            className={styles.fill}
            inputMode="decimal"
            value={form.amount}
            maxLength={20}
            onChange={(_e, d) => set({ amount: d.value })}
          />
        </Field>
        <Field
          className={styles.currency}
          label={t("edit.currency")}
          validationMessage={errors.currency}
        >
          <Input
            className={styles.fill}
            value={form.currency}
            maxLength={3}
            autoComplete="off"
            onChange={(_e, d) => set({ currency: d.value.toUpperCase() })}
          />
        </Field>
      </div>
      <Field label={t("field.campaign")} validationMessage={errors.campaign}>
        <Input
          value={form.campaign}
          maxLength={200}
          onChange={(_e, d) => set({ campaign: d.value })}
        />
      </Field>
      <Field label={t("field.source")} validationMessage={errors.source}>
        <Select value={form.source} onChange={(_e, d) => set({ source: d.value })}>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("details.tags")} hint={t("edit.tagsHint")} validationMessage={errors.tags}>
        <Input value={form.tags} onChange={(_e, d) => set({ tags: d.value })} />
      </Field>
    </FormDialog>
  );
};
