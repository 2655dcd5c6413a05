import type { ApiHarness, TestUser } from "../../../../tests/support/api-harness.js";

/** A target as a manager types it in Settings; `over` changes or adds fields. */
export const targetBody = (
  name: string,
  userId: string | null,
  over: Record<string, unknown> = {},
) => ({
  name,
  type: "agency",
  level: "gold",
  country: "ES",
  primaryLanguage: "es",
  secondaryLanguages: ["en"],
  services: ["web"],
  rating: 4,
  reviewCount: 10,
  completedProjects: 5,
  userId,
  ...over,
});

export type TargetView = { id: string; name: string; active: boolean; level: string };

/** Creates a target through the API; fails the test if it is refused. */
export const createTarget = async (
  harness: ApiHarness,
  manager: TestUser,
  body: Record<string, unknown>,
): Promise<TargetView> => {
  const answer = await harness.call(manager, "POST", "/api/routing/targets", { body });
  if (answer.status !== 201) throw new Error(`target not created: ${answer.text}`);
  return answer.body as TargetView;
};

/** The problem's field paths, for "names the field" assertions. */
export const errorPaths = (body: unknown): string[] =>
  ((body as { errors?: { path: string }[] }).errors ?? []).map((error) => error.path);
