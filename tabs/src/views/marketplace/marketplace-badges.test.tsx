import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QueueTable } from "../first-contact/QueueTable.js";
import { OpportunityCard } from "../pipeline/OpportunityCard.js";
import { PipelineList } from "../pipeline/PipelineList.js";
import {
  APPLIED_AT,
  hoursAfterApplying,
  marketplaceOpportunity,
  renderMarketplace,
  serverMarks,
} from "./marketplace.test-support.js";

const STAGES = [{ id: "new", name: "New", role: "new" as const }];

const knownLead: Opportunity = {
  ...marketplaceOpportunity({}, "o-web"),
  title: "Navarro Abogados",
  source: "web-form",
  contact: {
    id: "c-jorge",
    name: "Jorge Navarro",
    email: "jorge@navarro.test",
    phone: null,
    company: "Navarro Abogados",
    linkedinUrl: null,
    preferredChannel: null,
  },
  marketplace: null,
};
const hidden = marketplaceOpportunity({}, "o-hidden");
const withheld = marketplaceOpportunity(
  { visibility: "withheld", refund: "eligible" },
  "o-withheld",
);
const revealed = {
  ...marketplaceOpportunity({ visibility: "revealed" }, "o-revealed"),
  contact: { ...knownLead.contact, id: "c-beatriz", name: "Beatriz Solano" },
};

const at = (hours: number) => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(hoursAfterApplying(hours));
};

const rowOf = (id: string): HTMLElement => {
  const row = document.querySelector<HTMLElement>(`tr[data-opportunity-id="${id}"]`);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("marketplace badges", () => {
  it("a queue row says the state in words, next to the translated placeholder name", () => {
    at(17);
    renderMarketplace(
      <QueueTable
        caption="First contact"
        items={[hidden, withheld, revealed, knownLead]}
        withActions
        onAction={() => {}}
      />,
    );
    const hiddenRow = within(rowOf("o-hidden"));
    expect(hiddenRow.getByText("Hidden · reveals in 31h")).toBeTruthy();
    expect(hiddenRow.getByRole("link", { name: "Hidden client" })).toBeTruthy();
    expect(within(rowOf("o-withheld")).getByText("Withheld")).toBeTruthy();
    const revealedRow = within(rowOf("o-revealed"));
    expect(revealedRow.getByText("Marketplace · revealed")).toBeTruthy();
    expect(revealedRow.getByRole("link", { name: "Beatriz Solano" })).toBeTruthy();
    expect(rowOf("o-web").querySelector("[data-marketplace-badge]")).toBeNull();
  });

  it("a queue row in Spanish, and a reveal that is due before the timer ran", () => {
    at(49);
    renderMarketplace(
      <QueueTable
        caption="Primer contacto"
        items={[hidden]}
        withActions={false}
        onAction={() => {}}
      />,
      { locale: "es" },
    );
    const row = within(rowOf("o-hidden"));
    expect(row.getByText("Oculto · revelación pendiente")).toBeTruthy();
    expect(row.getByRole("link", { name: "Cliente oculto" })).toBeTruthy();
  });

  it("counts down to the reveal the server computed with the connector's own delay", () => {
    at(1);
    renderMarketplace(
      <QueueTable
        caption="First contact"
        items={[marketplaceOpportunity(serverMarks(APPLIED_AT, 1, 3), "o-hidden")]}
        withActions={false}
        onAction={() => {}}
      />,
      {
        marketplaces: [
          { key: "workana", name: "Workana", reminderMinutes: 60, revealMinutes: 180 },
        ],
      },
    );
    expect(within(rowOf("o-hidden")).getByText("Hidden · reveals in 2h")).toBeTruthy();
  });

  it("a pipeline card and a list row carry the badge too", () => {
    at(47.5);
    const now = new Date();
    renderMarketplace(
      <>
        <OpportunityCard
          opportunity={hidden}
          stages={STAGES}
          now={now}
          busy={false}
          focus={false}
          onMove={() => {}}
        />
        <PipelineList
          pipeline={{
            id: "sales",
            name: "Sales",
            stages: STAGES,
            visibility: "owner",
            teamId: null,
          }}
          columns={{ new: { items: [withheld], complete: true, truncated: false } }}
          now={now}
          busyId={null}
          onMove={() => {}}
        />
      </>,
    );
    const card = screen.getByRole("article", { name: "Hidden client" });
    expect(within(card).getByText("Hidden · reveals in 30m")).toBeTruthy();
    expect(within(rowOf("o-withheld")).getByText("Withheld")).toBeTruthy();
  });
});
