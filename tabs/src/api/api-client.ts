import { toApiError } from "./api-error.js";

export type TokenSource = () => Promise<string>;

export type Versioned<T> = { data: T; etag: string | null };

export type RequestOptions = { body?: unknown; ifMatch?: string | null };

export type ApiClient = {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<Versioned<T>>;
  get<T>(path: string): Promise<T>;
};

/** fetch with the caller's bearer token; problem+json answers become ApiError. */
export const createApiClient = (getToken: TokenSource, baseUrl = ""): ApiClient => {
  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Versioned<T>> => {
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${await getToken()}`,
    };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body: unknown = text === "" ? null : parseJson(text);
    if (!response.ok) throw toApiError(response.status, body, response.statusText);
    return { data: body as T, etag: response.headers.get("ETag") };
  };
  return {
    request,
    async get<T>(path: string) {
      return (await request<T>("GET", path)).data;
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
