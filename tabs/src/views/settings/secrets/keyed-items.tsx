import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { idFromLabel } from "../id-from-label.js";

/**
 * What intake forms and marketplace connectors share: a named item with a key that is part
 * of a URL (claimed across every tenant of the service) and a secret made from Settings.
 */
export type KeyedItem = { key: string; name: string };

export const useKeyedItemStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  error: { color: tokens.colorPaletteRedForeground1, display: "block" },
});

/** The list with the item `key` replaced by `next`, or left out when `next` is null. */
export const replaceByKey = <T extends KeyedItem>(
  items: readonly T[],
  key: string,
  next: T | null,
) =>
  next === null
    ? items.filter((item) => item.key !== key)
    : items.map((item) => (item.key === key ? next : item));

// Keys are unique across every tenant, so a new one gets a random tail ("malt-4f1a") rather
// than colliding with another organisation's "malt".
const suggestKey = (name: string, taken: readonly string[], lengths: KeyLengths) => {
  const tail = Array.from(crypto.getRandomValues(new Uint8Array(2)))
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
  return idFromLabel(`${idFromLabel(name, [], lengths.fromName)}-${tail}`, taken, lengths.key);
};

/** The longest key, and the longest part of it taken from the name before the tail. */
export type KeyLengths = { key: number; fromName: number };

/**
 * A dialog's name and key: the key follows the name (with its random tail) until the manager
 * types one; an item being edited keeps its key (others already post to its URL).
 */
export const useNameAndKey = (
  editing: KeyedItem | null,
  otherKeys: readonly string[],
  lengths: KeyLengths,
) => {
  const [name, setName] = useState(editing?.name ?? "");
  const [key, setKey] = useState(editing?.key ?? "");
  const [keyTouched, setKeyTouched] = useState(editing !== null);
  return {
    name,
    key,
    locked: editing !== null,
    keyMaxLength: lengths.key,
    changeName(value: string) {
      setName(value);
      if (!keyTouched) setKey(value.trim() ? suggestKey(value, otherKeys, lengths) : "");
    },
    changeKey(value: string) {
      setKeyTouched(true);
      setKey(value.trim().toLowerCase());
    },
  };
};

export type NameAndKey = ReturnType<typeof useNameAndKey>;

/** The name and key fields of an add/edit dialog, with their problems once the form was tried. */
export const NameKeyFields = (props: {
  state: NameAndKey;
  nameLabel: string;
  keyLabel: string;
  keyHint: string;
  problems: { name?: string | undefined; key?: string | undefined };
}) => (
  <>
    <Field label={props.nameLabel} required validationMessage={props.problems.name}>
      <Input
        value={props.state.name}
        maxLength={80}
        onChange={(_event, data) => props.state.changeName(data.value)}
      />
    </Field>
    <Field
      label={props.keyLabel}
      required
      hint={props.keyHint}
      validationMessage={props.problems.key}
    >
      <Input
        value={props.state.key}
        disabled={props.state.locked}
        maxLength={props.state.keyMaxLength}
        onChange={(_event, data) => props.state.changeKey(data.value)}
      />
    </Field>
  </>
);

/** A row's problems (the server's 400 on its fields, and the section's own checks). */
export const RowProblems = (props: { messages: readonly string[] }) => {
  const styles = useKeyedItemStyles();
  return props.messages.map((message) => (
    <Text key={message} className={styles.error}>
      {message}
    </Text>
  ));
};

/** Edit, make or rotate the secret (once the item is saved), and remove: named per row. */
export const KeyedRowActions = (props: {
  saved: boolean;
  edit: { text: string; label: string; onClick: () => void };
  secret: { text: string; label: string; onClick: () => void };
  remove: { text: string; label: string; onClick: () => void };
}) => {
  const styles = useKeyedItemStyles();
  return (
    <div className={styles.actions}>
      <Button size="small" aria-label={props.edit.label} onClick={props.edit.onClick}>
        {props.edit.text}
      </Button>
      <Button
        size="small"
        disabled={!props.saved}
        aria-label={props.secret.label}
        onClick={props.secret.onClick}
      >
        {props.secret.text}
      </Button>
      <Button size="small" aria-label={props.remove.label} onClick={props.remove.onClick}>
        {props.remove.text}
      </Button>
    </div>
  );
};
