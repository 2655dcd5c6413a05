import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, get, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_CONTENT_SECURITY_POLICY } from "../../../functions/src/site/content-security-policy.js";
import { createStaticSite } from "./static-site.js";

const listen = async (root: string): Promise<{ server: Server; base: string }> => {
  const site = createStaticSite(root);
  const server = createServer((req, res) => {
    const urlPath = (req.url ?? "/").split("?")[0] ?? "/";
    void site.serve(res, req.method ?? "GET", urlPath, req.headers["accept-encoding"]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, base: `http://127.0.0.1:${port}` };
};

/** A GET as the bytes arrive (fetch would decode them), with the given Accept-Encoding. */
const rawGet = (url: string, acceptEncoding?: string) =>
  new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

const BUNDLE = "export const tabs = 'a phone downloads this';\n".repeat(40);

describe("createStaticSite with built tabs", () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dealflow-site-"));
    const root = path.join(dir, "dist");
    await mkdir(path.join(root, "assets"), { recursive: true });
    await writeFile(path.join(root, "index.html"), "<!doctype html><title>tabs</title>");
    await writeFile(path.join(root, "assets", "app-1234.js"), "console.log('tabs')");
    // As the tabs' build writes them: each bundle beside its brotli and gzip forms.
    await writeFile(path.join(root, "assets", "view-5678.js"), BUNDLE);
    await writeFile(path.join(root, "assets", "view-5678.js.br"), brotliCompressSync(BUNDLE));
    await writeFile(path.join(root, "assets", "view-5678.js.gz"), gzipSync(BUNDLE));
    await writeFile(path.join(dir, "secret.txt"), "not for the web");
    await symlink(path.join(dir, "secret.txt"), path.join(root, "leak.txt"));
    ({ server, base } = await listen(root));
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves index.html at /", async () => {
    const response = await fetch(`${base}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("<title>tabs</title>");
  });

  it("serves the page with the tabs' Content-Security-Policy, framed only by Teams and Microsoft 365", async () => {
    const response = await fetch(`${base}/`);

    expect(response.headers.get("content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
    expect(TAB_CONTENT_SECURITY_POLICY).toContain(
      "frame-ancestors 'self' https://teams.microsoft.com",
    );
  });

  it("serves a client-side route with the same policy", async () => {
    const response = await fetch(`${base}/first-contact`);

    expect(response.headers.get("content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
  });

  it("serves files with their content type, fingerprinted assets as immutable", async () => {
    const response = await fetch(`${base}/assets/app-1234.js`);

    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(await response.text()).toBe("console.log('tabs')");
  });

  it("sends the brotli form the build wrote to a browser that takes brotli", async () => {
    const { headers, body } = await rawGet(`${base}/assets/view-5678.js`, "gzip, deflate, br");

    expect(headers["content-encoding"]).toBe("br");
    expect(headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(headers["content-length"]).toBe(String(body.length));
    expect(headers.vary).toBe("Accept-Encoding");
    expect(brotliDecompressSync(body).toString()).toBe(BUNDLE);
  });

  it("sends the gzip form to a client that refuses brotli", async () => {
    const { headers, body } = await rawGet(`${base}/assets/view-5678.js`, "br;q=0, gzip");

    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString()).toBe(BUNDLE);
  });

  it("sends the file as it is to a client that takes no encoding, saying the answer varies", async () => {
    const { headers, body } = await rawGet(`${base}/assets/view-5678.js`);

    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers.vary).toBe("Accept-Encoding");
    expect(body.toString()).toBe(BUNDLE);
  });

  it("sends a file the build did not compress as it is", async () => {
    const { headers, body } = await rawGet(`${base}/assets/app-1234.js`, "gzip, br");

    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers.vary).toBeUndefined();
    expect(body.toString()).toBe("console.log('tabs')");
  });

  it("answers a client-side route with index.html", async () => {
    const response = await fetch(`${base}/pipeline/opportunities/01J9`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>tabs</title>");
  });

  it("answers 404 for a missing file", async () => {
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/leak.txt"])(
    "never serves a file outside the root (%s)",
    async (urlPath) => {
      const response = await fetch(`${base}${urlPath}`);

      expect(await response.text()).not.toContain("not for the web");
    },
  );

  it("answers 405 to anything but GET and HEAD", async () => {
    const response = await fetch(`${base}/`, { method: "POST" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("createStaticSite before the tabs are built", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await listen(path.join(tmpdir(), "dealflow-no-such-dir")));
  });
  afterAll(() => {
    server.close();
  });

  it("serves the placeholder page linking to the health check", async () => {
    const response = await fetch(`${base}/`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html).toContain("Dealflow is running");
    expect(html).toContain('href="/api/health"');
    expect(response.headers.get("content-security-policy")).toBe(TAB_CONTENT_SECURITY_POLICY);
  });
});
