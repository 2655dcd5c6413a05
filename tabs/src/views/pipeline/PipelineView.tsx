import { Text } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";

export const PipelineView = () => {
  const { t } = useI18n();
  return <Text>{t("view.comingSoon")}</Text>;
};
