export type ThemeName = "light" | "dark" | "contrast";

/** Where the tab runs: inside Teams (SSO, Teams theme) or a plain browser (demo sign-in). */
export type HostContext =
  | {
      kind: "teams";
      locale: string;
      theme: ThemeName;
      getToken: () => Promise<string>;
      onThemeChange: (listener: (theme: ThemeName) => void) => void;
      subEntityId: string | null;
    }
  | { kind: "browser"; locale: string };
