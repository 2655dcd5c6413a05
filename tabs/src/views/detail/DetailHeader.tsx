import {
  Badge,
  Button,
  makeStyles,
  Text,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";
import { useNavButton } from "../common/ViewHeader.js";

const useStyles = makeStyles({
  // Stays on screen while the sections scroll under it: the title, where the deal stands and
  // what to do next are always one look and one click away, on a phone too.
  header: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // Back keeps only its words' width (a Fluent button is 96 px at least), so that on a phone the
  // menu, Back and the title share the first line.
  back: { minWidth: "auto" },
  titleBlock: {
    flex: "1 1 10rem",
    minWidth: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  title: {
    ...typographyStyles.subtitle1,
    margin: 0,
    minWidth: 0,
    overflowWrap: "anywhere",
    // A long title keeps the sticky header to two lines on a phone; the rest is on hover.
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: 2,
    overflow: "hidden",
    "@media (min-width: 640px)": typographyStyles.title3,
  },
  owner: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

/** The detail's sticky header: Back, the title with its stage and owner, Edit, Compose, Follow. */
export const DetailHeader = (props: {
  title: string;
  stage: string;
  owner: string | null;
  mailto: string | null;
  following: boolean;
  busy: boolean;
  onBack: () => void;
  onFollow: () => void;
  /** Present when the user may edit the opportunity's details. */
  onEdit?: () => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  // On a phone the shell's menu button (the navigation drawer) leads the line, as in every view.
  const navButton = useNavButton();
  return (
    <header className={styles.header}>
      {navButton}
      <Button className={styles.back} onClick={props.onBack}>
        {t("action.back")}
      </Button>
      <div className={styles.titleBlock}>
        <h1 id="detail-title" className={styles.title} title={props.title}>
          {props.title}
        </h1>
        <Badge appearance="tint" color="brand" size="large">
          {props.stage}
        </Badge>
        {props.owner && (
          <Text size={200} className={styles.owner}>
            {t("detail.header.owner", { name: props.owner })}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        {props.onEdit && (
          <Button disabled={props.busy} onClick={props.onEdit}>
            {t("edit.action")}
          </Button>
        )}
        {props.mailto && (
          <Button as="a" href={props.mailto}>
            {t("action.composeEmail")}
          </Button>
        )}
        <Button
          appearance={props.following ? "secondary" : "primary"}
          disabled={props.busy}
          onClick={props.onFollow}
        >
          {props.following ? t("action.unfollow") : t("action.follow")}
        </Button>
      </div>
    </header>
  );
};
