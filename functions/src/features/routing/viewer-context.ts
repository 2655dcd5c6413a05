import { type Settings, type UseCaseContext, ulidGenerator, type Viewer } from "@dealflow/core";
import type { RouteDeps } from "../../api/api-context.js";

const ids = ulidGenerator();

/**
 * The use-case context of a known viewer, whoever asks for them: the API's signed-in user
 * (viewerOf(principal)) or the bot's card action (the user behind the Teams account).
 */
export const viewerContext = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  viewer: Viewer,
): Promise<UseCaseContext & { settings: Settings }> => ({
  now: deps.clock(),
  actor: viewer,
  tenantId: viewer.tenantId,
  settings: await deps.store.getSettings(viewer.tenantId),
  ids,
});
