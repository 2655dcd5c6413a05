import { describe, expect, it } from "vitest";
import { runSendPipeline } from "./send-pipeline.js";

describe("send pipeline", () => {
  it("starts the next recipient's send while the previous one is still being recorded", async () => {
    const events: string[] = [];
    let finishRecording = () => {};
    const recording = new Promise<void>((resolve) => {
      finishRecording = resolve;
    });
    const done = runSendPipeline(["a", "b"], 1, async (item, sent) => {
      events.push(`send ${item}`);
      sent();
      if (item === "a") await recording;
      events.push(`recorded ${item}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual(["send a", "send b", "recorded b"]);
    finishRecording();
    await done;
    expect(events).toContain("recorded a");
  });

  it("keeps at most `limit` recipients waiting for their send", async () => {
    let waiting = 0;
    let most = 0;
    await runSendPipeline(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async (_item, sent) => {
        waiting += 1;
        most = Math.max(most, waiting);
        await new Promise((resolve) => setTimeout(resolve, 1));
        waiting -= 1;
        sent();
      },
    );
    expect(most).toBe(4);
  });
});
