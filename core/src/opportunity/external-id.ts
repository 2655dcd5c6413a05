/**
 * An opportunity's external id is what finds it again when its sender sends it twice. Senders
 * choose their ids freely, so each kind of sender gets its own namespace, written first and
 * never by the sender: a web form's lead id `X` is stored as `lead:X`, a marketplace
 * application as `marketplace:<connector>:<application>` (applicationExternalId), and no id
 * of one can be spelled as an id of the other.
 */
export const leadExternalId = (leadId: string): string => `lead:${leadId}`;

/**
 * A signed, timestamped lead without an id of its own: its signature identifies this very
 * request, so sending it again within the timestamp's window finds the first opportunity.
 */
export const signedLeadExternalId = (signatureHex: string): string =>
  `lead-signature:${signatureHex.toLowerCase()}`;

/** Room for a namespace before a sender's id of up to 200 characters. */
export const MAX_EXTERNAL_ID_LENGTH = 256;
