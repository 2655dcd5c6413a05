import { toApiError } from "./api-error.js";

export type TokenSource = () => Promise<string>;

export type Versioned<T> = { data: T; etag: string | null };

/**
 * `body` is sent as JSON, unless `contentType` is given: then it must be a string and is sent
 * as is (a CSV import).
 */
export type RequestOptions = { body?: unknown; contentType?: string; ifMatch?: string | null };

export type ApiClient = {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<Versioned<T>>;
  get<T>(path: string): Promise<T>;
  /** A file the API answers (a CSV export), with the caller's token. */
  download(path: string): Promise<Blob>;
};

/** fetch with the caller's bearer token; problem+json answers become ApiError. */
export const createApiClient = (getToken: TokenSource, baseUrl = ""): ApiClient => {
  const send = async (method: string, path: string, options: RequestOptions, accept: string) => {
    const headers: Record<string, string> = {
      Accept: accept,
      Authorization: `Bearer ${await getToken()}`,
    };
    if (options.body !== undefined) {
      headers["Content-Type"] = options.contentType ?? "application/json";
    }
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    const body =
      options.body === undefined
        ? undefined
        : options.contentType
          ? String(options.body)
          : JSON.stringify(options.body);
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    if (!response.ok) {
      const text = await response.text();
      throw toApiError(response.status, text === "" ? null : parseJson(text), response.statusText);
    }
    return response;
  };
  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Versioned<T>> => {
    const response = await send(method, path, options, "application/json");
    const text = await response.text();
    const body: unknown = text === "" ? null : parseJson(text);
    return { data: body as T, etag: response.headers.get("ETag") };
  };
  return {
    request,
    async get<T>(path: string) {
      return (await request<T>("GET", path)).data;
    },
    async download(path: string) {
      return (await send("GET", path, {}, "*/*")).blob();
    },
  };
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/**
 * `path?name=value&…` from a query object the caller checks against the contract's query type
 * (`{ … } satisfies ListTasksQuery`), so a parameter the server does not take fails to build.
 * Strings, numbers and booleans are sent; absent values (undefined, null) are left out.
 */
export const withQuery = (path: string, query: object): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
};
