import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiClient } from "../../../api/api-client.js";
import { ApiError, toApiError } from "../../../api/api-error.js";
import {
  CONSENT_REQUIRED_TYPE,
  ConsentRequiredError,
  createDetailApi,
} from "../../../api/detail-api.js";
import { loadTeamsJs } from "../../../host/teams-host.js";
import { openExternalLink } from "./open-external-link.js";

// teams-js as a host would answer it; its ESM namespace cannot be spied on in place.
const teams = vi.hoisted(() => ({
  isInitialized: vi.fn(() => false),
  openLink: vi.fn(async (_url: string) => {}),
}));
vi.mock("@microsoft/teams-js", () => ({ app: teams }));

const CONSENT_URL = "https://login.microsoftonline.com/t1/adminconsent?client_id=app";

/** A client whose GETs answer from `routes` by path prefix, or throw what is given. */
const clientAnswering = (routes: Record<string, unknown>): ApiClient => ({
  request: vi.fn(),
  download: vi.fn(),
  get: vi.fn(async (path: string) => {
    const key = Object.keys(routes).find((prefix) => path.startsWith(prefix));
    const answer = key === undefined ? undefined : routes[key];
    if (answer instanceof Error) throw answer;
    return answer;
  }) as ApiClient["get"],
});

/** The 403 the API answers before consent, as the ApiClient turns it into an ApiError. */
const consentProblem = () =>
  toApiError(
    403,
    {
      type: CONSENT_REQUIRED_TYPE,
      title: "Consent required",
      status: 403,
      detail: "Dealflow needs consent.",
      adminConsentUrl: CONSENT_URL,
    },
    "Forbidden",
  );

afterEach(() => {
  vi.restoreAllMocks();
  teams.openLink.mockClear();
});

describe("the directory search of the follower picker", () => {
  it("answers the people found", async () => {
    const client = clientAnswering({
      "/api/people?q=car": { items: [{ id: "oid", name: "Carla", email: null }] },
    });
    expect(await createDetailApi(client).searchPeople("car")).toEqual([
      { id: "oid", name: "Carla", email: null },
    ]);
  });

  it("turns the consent-required 403 into ConsentRequiredError with its own admin-consent URL", async () => {
    const client = clientAnswering({ "/api/people?q=": consentProblem() });
    const failed = await createDetailApi(client)
      .searchPeople("car")
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ConsentRequiredError);
    expect((failed as ConsentRequiredError).adminConsentUrl).toBe(CONSENT_URL);
    // The URL comes with the refusal: nothing else is asked.
    expect(client.get).toHaveBeenCalledTimes(1);
  });

  it("keeps a 403 of another problem type as it is", async () => {
    const refused = toApiError(
      403,
      { type: "about:blank", title: "Forbidden", adminConsentUrl: CONSENT_URL },
      "Forbidden",
    );
    const client = clientAnswering({ "/api/people?q=": refused });
    await expect(createDetailApi(client).searchPeople("car")).rejects.toBe(refused);
  });

  it("keeps other failures as they are", async () => {
    const down = new ApiError(503, "Service unavailable", "Microsoft 365 is not answering.", []);
    const client = clientAnswering({ "/api/people?q=": down });
    await expect(createDetailApi(client).searchPeople("car")).rejects.toBe(down);
  });
});

describe("a problem+json answer as ApiError", () => {
  it("keeps the problem type and the extension members", () => {
    const error = consentProblem();
    expect(error.type).toBe(CONSENT_REQUIRED_TYPE);
    expect(error.extensionText("adminConsentUrl")).toBe(CONSENT_URL);
    expect(error.extensions).toEqual({ adminConsentUrl: CONSENT_URL });
  });

  it("has no type and no extensions when the body is not a problem", () => {
    const error = toApiError(502, "<html>Bad gateway</html>", "Bad Gateway");
    expect(error).toMatchObject({ status: 502, title: "Bad Gateway", type: null, extensions: {} });
    expect(error.extensionText("adminConsentUrl")).toBeNull();
  });
});

describe("opening the admin-consent page", () => {
  it("asks Teams to open it when the tab runs in Teams", async () => {
    // Framed by Teams, the tab loaded teams-js when it started (detectHost).
    await loadTeamsJs();
    teams.isInitialized.mockReturnValueOnce(true);
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    await openExternalLink(CONSENT_URL);
    expect(teams.openLink).toHaveBeenCalledWith(CONSENT_URL);
    expect(open).not.toHaveBeenCalled();
  });

  it("opens a new browser tab outside Teams", async () => {
    const open = vi.spyOn(window, "open").mockReturnValue(null);
    await openExternalLink(CONSENT_URL);
    expect(teams.openLink).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith(CONSENT_URL, "_blank", "noopener,noreferrer");
  });
});
