import { randomUUID } from "node:crypto";
import type { ApiHarness, TestUser } from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, type OpportunityArrangement } from "../../api/api.test-support.js";
import { subjectReads } from "../../notifications/recipients.js";
import { reviewRequestChannel } from "./review-request.channel.js";

export const PUBLIC_BASE_URL = "https://dealflow.example.test";

/** A routed opportunity whose one offer `targetUser` accepted, ready to be won. */
export const arrangeRoutedOpportunity = async (
  harness: ApiHarness,
  manager: TestUser,
  target: { id: string; user: TestUser },
  over: Partial<OpportunityArrangement> = {},
): Promise<{ opportunityId: string; offerId: string }> => {
  const opportunity = await arrangeOpportunity(harness, {
    owner: manager,
    title: `Web shop ${randomUUID().slice(0, 8)}`,
    contact: { name: "Carla Ruiz", email: `carla-${randomUUID().slice(0, 8)}@example.com` },
    ...over,
  });
  const routed = await harness.call(
    manager,
    "POST",
    `/api/opportunities/${opportunity.id}/routing`,
    {
      body: { mode: "manual", targetId: target.id },
    },
  );
  if (routed.status !== 200) throw new Error(`not routed: ${routed.text}`);
  const [offer] = (routed.body as { items: { id: string }[] }).items;
  if (!offer) throw new Error("no offer was sent");
  const accepted = await harness.call(target.user, "POST", `/api/offers/${offer.id}/accept`);
  if (accepted.status !== 200) throw new Error(`not accepted: ${accepted.text}`);
  return { opportunityId: opportunity.id, offerId: offer.id };
};

export const moveToStage = (
  harness: ApiHarness,
  user: TestUser,
  opportunityId: string,
  stage: string,
) => harness.call(user, "PUT", `/api/opportunities/${opportunityId}/stage`, { body: { stage } });

/** Runs the review mail channel on the outbox row of a request, as delivery would. */
export const deliverReviewRequest = async (harness: ApiHarness, tenantId: string, id: string) => {
  const notification = await harness.deps.store.getNotification(tenantId, id);
  if (notification === null) throw new Error(`no outbox row ${id}`);
  const channel = reviewRequestChannel({
    store: harness.deps.store,
    mailer: harness.deps.graph.mailer,
    publicBaseUrl: PUBLIC_BASE_URL,
  });
  const log: string[] = [];
  await channel.deliver(notification, {
    now: harness.deps.clock(),
    log: (line) => log.push(line),
    reads: subjectReads(harness.deps.store, notification),
  });
  return log;
};

/** The mails the local outbox sent to `to`. */
export const mailsTo = async (harness: ApiHarness, tenantId: string, to: string) =>
  (await harness.deps.store.mailOutbox.listMails(tenantId)).filter((mail) => mail.to === to);

/** The path of the review link in a mail's text (`/r/<token>`). */
export const linkPathIn = (text: string): string => {
  const found = text.match(/https:\/\/dealflow\.example\.test(\/r\/[A-Za-z0-9_.-]+)/);
  if (!found?.[1]) throw new Error(`no review link in: ${text}`);
  return found[1];
};

/** A form post as a browser sends it. */
export const postReview = (harness: ApiHarness, path: string, fields: Record<string, string>) =>
  harness.call(null, "POST", path, {
    rawBody: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
