import { request } from "node:http";

export type RawAnswer = { status: number; headers: Record<string, string>; text: string };

/**
 * One HTTP/1.1 request with exactly the headers given, Host included (fetch would refuse to
 * forge it), optionally from another loopback source address (`localAddress: "127.0.0.2"`):
 * what a rebinding page, a tunnel or a second client really sends.
 */
export const rawRequest = (
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  } = {},
): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      {
        host: target.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: {
          ...(options.body === undefined
            ? {}
            : { "Content-Length": Buffer.byteLength(options.body) }),
          ...options.headers,
        },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
