import type { MarketplaceApplication } from "@dealflow/contract";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarketplaceSection } from "./MarketplaceSection.js";
import { application, renderMarketplace } from "./marketplace.test-support.js";

const show = (overrides: Partial<MarketplaceApplication>, withOutcome = true) => {
  const onOutcome = vi.fn(async () => true);
  renderMarketplace(
    <MarketplaceSection
      application={application(overrides)}
      activities={[]}
      {...(withOutcome ? { outcome: { busy: false, onOutcome } } : {})}
    />,
  );
  return { onOutcome, region: screen.getByRole("region", { name: "Marketplace" }) };
};

afterEach(cleanup);

describe("recording what the marketplace client did, by hand", () => {
  it("offers accept, meeting held and decline while the client is hidden", async () => {
    const { onOutcome, region } = show({ visibility: "hidden" });
    const buttons = within(region)
      .getAllByRole("button")
      .map((button) => button.textContent);
    expect(buttons).toEqual(["Client accepted", "Meeting held", "Client declined"]);
    await userEvent.click(within(region).getByRole("button", { name: "Client accepted" }));
    expect(onOutcome).toHaveBeenCalledWith("client-accepted");
  });

  it("asks before recording a decline, which closes a hidden client's opportunity", async () => {
    const { onOutcome, region } = show({ visibility: "hidden" });
    await userEvent.click(within(region).getByRole("button", { name: "Client declined" }));
    const dialog = await screen.findByRole("dialog", { name: "Record that the client declined?" });
    expect(within(dialog).getByText(/closes as lost/)).toBeTruthy();
    expect(onOutcome).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onOutcome).toHaveBeenCalledWith("client-declined"));
  });

  it("offers nothing once the client declined while hidden", () => {
    expect(within(show({ visibility: "withheld" }).region).queryAllByRole("button")).toEqual([]);
  });

  it("offers nothing to a reader who may not edit the opportunity", () => {
    expect(within(show({ visibility: "hidden" }, false).region).queryAllByRole("button")).toEqual(
      [],
    );
  });
});
