import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { marketplaceOpportunity } from "../marketplace/marketplace.test-support.js";
import { QueueTable } from "./QueueTable.js";

const REASON = /client is not revealed yet/;
const ACTIONS = ["Ready for proposal", "Second contact", "Discard"];

const hidden = marketplaceOpportunity({}, "o-hidden");
const revealed: Opportunity = {
  ...marketplaceOpportunity({ visibility: "revealed" }, "o-revealed"),
  contact: { ...hidden.contact, id: "c-beatriz", name: "Beatriz Solano" },
};

const rowOf = (id: string) => {
  const row = document.querySelector<HTMLElement>(`tr[data-opportunity-id="${id}"]`);
  if (row === null) throw new Error(`no row ${id}`);
  return within(row);
};

const showQueue = (locale: "en" | "es" = "en") => {
  const onAction = vi.fn();
  renderWithSession(
    <QueueTable
      caption="First contact"
      items={[hidden, revealed]}
      withActions
      onAction={onAction}
    />,
    { locale },
  );
  return onAction;
};

describe("the first-contact actions of a hidden marketplace client", () => {
  it("are disabled but reachable, each described by the reason", async () => {
    const onAction = showQueue();
    const row = rowOf("o-hidden");

    for (const name of ACTIONS) {
      const button = row.getByRole("button", { name, description: REASON });
      expect(button.getAttribute("aria-disabled")).toBe("true");
      await userEvent.click(button);
    }
    expect(onAction).not.toHaveBeenCalled();
    // Details stays available: there is still a brief and a countdown to read.
    await userEvent.click(row.getByRole("button", { name: "Details" }));
    expect(onAction).toHaveBeenCalledWith("details", hidden);
  });

  it("shows the reason as a tooltip when a disabled action is focused", async () => {
    showQueue();
    await userEvent.tab();
    const discard = rowOf("o-hidden").getByRole("button", { name: "Discard" });
    discard.focus();
    expect((await screen.findByRole("tooltip")).textContent).toMatch(REASON);
  });

  it("stay available once the client is revealed", async () => {
    const onAction = showQueue();
    const row = rowOf("o-revealed");

    for (const name of ACTIONS) {
      const button = row.getByRole("button", { name });
      expect(button.getAttribute("aria-disabled")).toBeNull();
      expect(button.hasAttribute("disabled")).toBe(false);
    }
    await userEvent.click(row.getByRole("button", { name: "Discard" }));
    expect(onAction).toHaveBeenCalledWith("discard", revealed);
  });

  it("give the reason in Spanish", () => {
    showQueue("es");
    expect(
      rowOf("o-hidden").getByRole("button", {
        name: "Descartar",
        description: /El cliente aún no se ha revelado/,
      }),
    ).toBeTruthy();
  });
});
