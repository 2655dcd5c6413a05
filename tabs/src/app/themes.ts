import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from "@fluentui/react-components";
import type { ThemeName } from "../host/host-context.js";

export const fluentTheme = (name: ThemeName): Theme =>
  name === "dark" ? teamsDarkTheme : name === "contrast" ? teamsHighContrastTheme : teamsLightTheme;
