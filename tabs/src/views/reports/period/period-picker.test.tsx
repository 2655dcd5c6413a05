import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../../test/render-with-session.js";
import { initialPeriod, type PeriodChoice, PeriodPicker } from "./PeriodPicker.js";
import { checkDayRange } from "./period.js";

const NOW = new Date("2026-11-22T10:00:00.000Z");

const Picker = (props: { onChange: (choice: PeriodChoice) => void }) => {
  const [choice, setChoice] = useState(() => initialPeriod(NOW));
  return (
    <PeriodPicker
      value={choice}
      now={() => NOW}
      onChange={(next) => {
        setChoice(next);
        props.onChange(next);
      }}
    />
  );
};

const setup = async () => {
  const onChange = vi.fn<(choice: PeriodChoice) => void>();
  renderWithSession(<Picker onChange={onChange} />);
  await userEvent.selectOptions(screen.getByRole("combobox", { name: "Period" }), "custom");
  onChange.mockClear();
  const day = (name: "From" | "To", value: string) =>
    fireEvent.change(screen.getByLabelText(name), { target: { value } });
  return { onChange, day };
};

describe("the reports' period picker", () => {
  it("starts at the last 30 days and switches to the last 7", async () => {
    const onChange = vi.fn<(choice: PeriodChoice) => void>();
    renderWithSession(<Picker onChange={onChange} />);
    expect(screen.getByRole("combobox", { name: "Period" })).toHaveProperty("value", "30");
    expect(screen.getByText("Showing 23 Oct 2026 to 22 Nov 2026")).toBeTruthy();

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Period" }), "7");

    expect(onChange).toHaveBeenCalledWith({
      preset: "7",
      period: { from: "2026-11-15T10:00:00.000Z", to: NOW.toISOString() },
    });
    expect(screen.getByText("Showing 15 Nov 2026 to 22 Nov 2026")).toBeTruthy();
  });

  it("applies custom days from the start of the first to the end of the last", async () => {
    const { onChange, day } = await setup();
    day("From", "2026-11-01");
    day("To", "2026-11-10");

    expect(onChange).toHaveBeenLastCalledWith({
      preset: "custom",
      period: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-11T00:00:00.000Z" },
    });
  });

  it.each([
    { from: "2026-11-10", to: "2026-11-01", field: "To", error: "on or after the From date" },
    { from: "2026-11-01", to: "2026-11-23", field: "To", error: "today or an earlier day" },
    { from: "2025-11-01", to: "2026-11-01", field: "From", error: "at most 365 days" },
    { from: "", to: "2026-11-01", field: "From", error: "Enter a date" },
  ])("refuses $from to $to on $field: $error", async ({ from, to, field, error }) => {
    const { onChange, day } = await setup();
    day("From", from);
    const appliedBefore = onChange.mock.calls.length;
    day("To", to);

    expect(screen.getByText(new RegExp(error))).toBeTruthy();
    expect(screen.getByLabelText(field).getAttribute("aria-invalid")).toBe("true");
    // The invalid range is not applied: the last valid period stays on screen.
    expect(onChange).toHaveBeenCalledTimes(appliedBefore);
  });

  it("takes a year of 365 days, and reads days in the tenant's time zone across a DST change", () => {
    expect(checkDayRange({ from: "2025-11-02", to: "2026-11-01" }, "2026-11-22", "UTC").ok).toBe(
      true,
    );
    expect(
      checkDayRange({ from: "2026-03-29", to: "2026-03-29" }, "2026-11-22", "Europe/Madrid"),
    ).toEqual({
      ok: true,
      period: { from: "2026-03-28T23:00:00.000Z", to: "2026-03-29T22:00:00.000Z" },
    });
  });
});
