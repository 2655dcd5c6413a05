import { describe, expect, it } from "vitest";
import { snapshotOf } from "../contact/contact.types.js";
import { MAX_PARTICIPANTS } from "../opportunity/opportunity.types.js";
import {
  activitiesOf,
  buildContact,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  pathsOf,
  seller,
} from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { addParticipant, promoteParticipant, removeParticipant } from "./participants.js";

const luis = buildContact({ id: "contact-luis", name: "Luis Gil", email: "luis@example.com" });
const withLuis = () => buildOpportunity({ participants: [snapshotOf(luis)] });

describe("participants", () => {
  it("adds a contact as another participant and timelines it", () => {
    const result = addParticipant(
      { opportunity: buildOpportunity(), contact: luis },
      contextFor(seller()),
    );

    expect(result.value.participants).toEqual([snapshotOf(luis)]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "participant-added",
        contactId: "contact-luis",
        name: "Luis Gil",
      }),
    ]);
  });

  it("changes nothing when adding the same participant twice", () => {
    expect(
      addParticipant({ opportunity: withLuis(), contact: luis }, contextFor(seller())).changes,
    ).toEqual([]);
  });

  it("refuses the Contact as a participant too", () => {
    expect(
      pathsOf(() =>
        addParticipant(
          { opportunity: buildOpportunity(), contact: buildContact() },
          contextFor(seller()),
        ),
      ),
    ).toEqual(["contact"]);
  });

  it("refuses a participant beyond the limit", () => {
    const participants = Array.from({ length: MAX_PARTICIPANTS }, (_, i) =>
      snapshotOf(buildContact({ id: `c-${i}` })),
    );

    expect(
      codeOf(() =>
        addParticipant(
          { opportunity: buildOpportunity({ participants }), contact: luis },
          contextFor(seller()),
        ),
      ),
    ).toBe("invalid-state");
  });

  it("removes a participant, and changes nothing for one who is not", () => {
    const result = removeParticipant(
      { opportunity: withLuis(), contactId: "contact-luis" },
      contextFor(seller()),
    );

    expect(result.value.participants).toEqual([]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "participant-removed", contactId: "contact-luis" }),
    ]);
    expect(
      removeParticipant(
        { opportunity: result.value, contactId: "contact-luis" },
        contextFor(seller()),
      ).changes,
    ).toEqual([]);
  });

  it("promotes a participant to Contact and makes the old Contact a participant", () => {
    const opportunity = withLuis();

    const result = promoteParticipant(
      { opportunity, contactId: "contact-luis" },
      contextFor(manager()),
    );

    expect(result.value.contact).toEqual(snapshotOf(luis));
    expect(result.value.participants).toEqual([opportunity.contact]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "contact-promoted",
        contactId: "contact-luis",
        previousContactId: "contact-ana",
      }),
    ]);
  });

  it("refuses to promote someone who is not a participant, naming the field", () => {
    expect(
      pathsOf(() =>
        promoteParticipant(
          { opportunity: buildOpportunity(), contactId: "contact-zoe" },
          contextFor(seller()),
        ),
      ),
    ).toEqual(["contactId"]);
  });

  it("does not let a follower change the roles", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    expect(
      codeOf(() => addParticipant({ opportunity, contact: luis }, contextFor(seller("seller-2")))),
    ).toBe("forbidden");
  });

  // SPEC §4.4: the redaction of title, brief and timeline finds the client among the roles.
  it.each(["hidden", "withheld"] as const)("keeps the roles as they are while %s", (visibility) => {
    const hidden = {
      ...withLuis(),
      marketplace: buildMarketplaceApplication({ visibility }),
    };
    const other = buildContact({ id: "contact-other", name: "Olga Other" });
    const ctx = contextFor(manager());

    expect(codeOf(() => addParticipant({ opportunity: hidden, contact: other }, ctx))).toBe(
      "invalid-state",
    );
    expect(codeOf(() => promoteParticipant({ opportunity: hidden, contactId: luis.id }, ctx))).toBe(
      "invalid-state",
    );
    expect(codeOf(() => removeParticipant({ opportunity: hidden, contactId: luis.id }, ctx))).toBe(
      "invalid-state",
    );
  });
});
