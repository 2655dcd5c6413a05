import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { serverFilled } from "../../test/wire-fixtures.js";
import { ElapsedCell } from "./ElapsedCell.js";
import { elapsedTone } from "./elapsed-tone.js";

const now = new Date("2026-05-04T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
/** The first contact's instants as the server answers them under the default durations. */
const dueOf = (receivedAt: string) => serverFilled(receivedAt).firstContact;

describe("time since reception", () => {
  it.each([
    [0, "within-target"],
    [15, "within-target"],
    [16, "past-target"],
    [240, "past-target"],
    [241, "past-escalation"],
    [3000, "past-escalation"],
  ] as const)("after %i minutes is %s (target 15, escalation 240)", (minutes, tone) => {
    expect(elapsedTone(dueOf(minutesAgo(minutes)), now)).toBe(tone);
  });

  it("shows the waiting time red and spelled out past escalation", () => {
    renderWithSession(
      <ElapsedCell receivedAt={minutesAgo(245)} due={dueOf(minutesAgo(245))} now={now} />,
    );
    const cell = screen.getByText(/4h 5m/);
    expect(cell.closest("time")?.getAttribute("data-tone")).toBe("past-escalation");
    expect(screen.getByText("(past escalation)", { exact: false })).toBeTruthy();
  });

  it("shows amber past the target, in Spanish too", () => {
    renderWithSession(
      <ElapsedCell receivedAt={minutesAgo(20)} due={dueOf(minutesAgo(20))} now={now} />,
      { locale: "es" },
    );
    expect(screen.getByText(/objetivo superado/).closest("time")?.dataset.tone).toBe("past-target");
  });
});
