import { createReadStream } from "node:fs";
import type { ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { siteResponse } from "@dealflow/functions/hosting";

export type StaticSite = {
  serve(
    res: ServerResponse,
    method: string,
    urlPath: string,
    acceptEncoding?: string | null,
  ): Promise<void>;
};

/**
 * The local host's side of the tabs: writes what `siteResponse` decides for `root` (the built
 * tabs, or their placeholder) to the node response. The Azure Functions host gets the same
 * answers from `site/tab-site.function.ts`.
 */
export const createStaticSite = (root: string): StaticSite => ({
  async serve(res, method, urlPath, acceptEncoding) {
    const response = await siteResponse(root, method, urlPath, acceptEncoding);
    res.writeHead(response.status, response.headers);
    const body = response.body;
    if (body === undefined) return void res.end();
    if ("bytes" in body) return void res.end(body.bytes);
    await pipeline(createReadStream(body.file), res);
  },
});
