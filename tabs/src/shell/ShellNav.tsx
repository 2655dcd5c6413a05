import type { Role } from "@dealflow/contract";
import {
  makeStyles,
  NavDrawer,
  NavDrawerBody,
  NavDrawerHeader,
  NavItem,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { MouseEvent } from "react";
import { useI18n } from "../i18n/i18n.js";
import { navItemsFor, type ViewId } from "./nav-items.js";

const useStyles = makeStyles({
  // Narrower than Fluent's default 260px: the lists need the width more on a laptop tab.
  drawer: { width: "13.5rem", flexShrink: 0 },
  header: { paddingBlock: tokens.spacingVerticalM },
  brand: { paddingInline: tokens.spacingHorizontalS },
  // Fluent's nav keeps its resting text colour on its hover background, which in Teams' high
  // contrast theme is white on cyan (1.5:1): the hover and pressed text colours pair with them.
  item: {
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":active": { color: tokens.colorNeutralForeground2Pressed },
  },
});

/**
 * Fluent's navigation: inline beside the content on a wide screen, an overlay drawer on a phone
 * (opened by the header's menu button, closed by Escape, a click outside or a choice). It is
 * the `navigation` landmark; each item is a link to the view's hash route, marked current.
 */
export const ShellNav = (props: {
  role: Role;
  view: ViewId;
  overlay: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onShow: (hash: string) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const go = (event: MouseEvent, id: ViewId) => {
    // Plain clicks switch in place (no history entry, as before); a modified click may still
    // open the link elsewhere.
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    props.onShow(`#/${id}`);
    if (props.overlay) props.onOpenChange(false);
  };
  const items = navItemsFor(props.role).map((item) => (
    <NavItem
      key={item.id}
      value={item.id}
      href={`#/${item.id}`}
      className={styles.item}
      onClick={(event) => go(event, item.id)}
    >
      {t(item.label)}
    </NavItem>
  ));
  return (
    <NavDrawer
      type={props.overlay ? "overlay" : "inline"}
      open={props.overlay ? props.open : true}
      onOpenChange={(_event, data) => props.onOpenChange(data.open)}
      selectedValue={props.view}
      // Fluent makes the drawer itself the navigation landmark; as an overlay it is also modal,
      // and aria-modal is not allowed on a navigation: there it is a dialog holding the landmark.
      role={props.overlay ? "dialog" : "navigation"}
      aria-label={t(props.overlay ? "shell.navigation" : "nav.label")}
      className={styles.drawer}
    >
      <NavDrawerHeader className={styles.header}>
        <Text weight="semibold" size={400} className={styles.brand}>
          {t("app.title")}
        </Text>
      </NavDrawerHeader>
      <NavDrawerBody>
        {props.overlay ? <nav aria-label={t("nav.label")}>{items}</nav> : items}
      </NavDrawerBody>
    </NavDrawer>
  );
};
