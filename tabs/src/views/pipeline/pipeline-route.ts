export type PipelineLayout = "board" | "list";

/** What the Pipeline view shows, kept in the hash query so a reload or a link keeps it. */
export type PipelineRoute = {
  pipelineId: string | null;
  layout: PipelineLayout | null;
  owner: string | null;
};

const LAYOUT_KEY = "dealflow.pipeline.layout";

/** "#/pipeline?pipeline=sales&layout=list" → its parts; anything missing is null. */
export const readPipelineRoute = (hash: string): PipelineRoute => {
  const query = new URLSearchParams(hash.split("?")[1] ?? "");
  const layout = query.get("layout");
  return {
    pipelineId: query.get("pipeline") || null,
    layout: layout === "board" || layout === "list" ? layout : null,
    owner: query.get("owner") || null,
  };
};

export const pipelineHash = (route: PipelineRoute): string => {
  const query = new URLSearchParams();
  if (route.pipelineId) query.set("pipeline", route.pipelineId);
  if (route.layout) query.set("layout", route.layout);
  if (route.owner) query.set("owner", route.owner);
  const text = query.toString();
  return text === "" ? "#/pipeline" : `#/pipeline?${text}`;
};

// The last layout picked is remembered per browser; the hash, when it names one, wins.
export const rememberedLayout = (): PipelineLayout => {
  try {
    return localStorage.getItem(LAYOUT_KEY) === "list" ? "list" : "board";
  } catch {
    return "board";
  }
};

export const rememberLayout = (layout: PipelineLayout): void => {
  try {
    localStorage.setItem(LAYOUT_KEY, layout);
  } catch {
    // Storage refused (private mode, a locked-down Teams client): the hash still keeps it.
  }
};
