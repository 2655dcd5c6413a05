import type { DevUser } from "@dealflow/contract";
import { Button, makeStyles, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";
import { fetchDevToken, fetchDevUsers } from "./browser-session.js";

const useStyles = makeStyles({
  page: { display: "grid", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL },
  users: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

/** Browser mode only: one button per demo user, named by display name (CONTRACTS.md). */
export const SignInPage = (props: { onSignedIn: (token: string) => void }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchDevUsers().then(setUsers, (reason: unknown) => setError(String(reason)));
  }, []);

  const signIn = async (user: DevUser) => {
    try {
      props.onSignedIn(await fetchDevToken(user.id));
    } catch (reason) {
      setError(String(reason));
    }
  };

  return (
    <main className={styles.page}>
      <Title2 as="h1">{t("signIn.title")}</Title2>
      <Text>{t("signIn.intro")}</Text>
      {error && <Text role="alert">{error}</Text>}
      {users === null && !error && <Spinner label={t("app.loading")} />}
      <div className={styles.users}>
        {users?.map((user) => (
          <Button
            key={user.id}
            appearance="primary"
            title={t(user.role === "manager" ? "signIn.role.manager" : "signIn.role.seller")}
            onClick={() => void signIn(user)}
          >
            {user.name}
          </Button>
        ))}
      </div>
    </main>
  );
};
