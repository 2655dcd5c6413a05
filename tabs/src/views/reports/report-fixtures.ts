import type {
  ConversionStats,
  DiscardedContact,
  FirstContactTimesReport,
  SourcesReport,
} from "../../api/reports-api.js";

/** Stats with shares computed like the API (fractions of count). */
export const stats = (counts: {
  open?: number;
  won?: number;
  lost?: number;
  discarded?: number;
  median?: number | null;
}): ConversionStats => {
  const { open = 0, won = 0, lost = 0, discarded = 0 } = counts;
  const count = open + won + lost + discarded;
  const share = (part: number) => (count === 0 ? 0 : part / count);
  return {
    count,
    open,
    won,
    lost,
    discarded,
    wonShare: share(won),
    lostShare: share(lost),
    discardedShare: share(discarded),
    medianMinutesToFirstContact: counts.median ?? null,
  };
};

const PERIOD = { from: "2026-10-23T00:00:00.000Z", to: "2026-11-22T00:00:00.000Z" };

export const sourcesReport: SourcesReport = {
  ...PERIOD,
  total: stats({ open: 3, won: 1, lost: 1, discarded: 4, median: 42 }),
  sources: [
    {
      source: "web-form",
      ...stats({ open: 1, won: 1, lost: 1, median: 20 }),
      campaigns: [
        { campaign: "spring", ...stats({ open: 1, won: 1 }) },
        { campaign: null, ...stats({ lost: 1 }) },
      ],
    },
    {
      source: "referral",
      ...stats({ open: 2, discarded: 4, median: 90 }),
      campaigns: [
        { campaign: "spring", ...stats({ discarded: 3, open: 1 }) },
        { campaign: null, ...stats({ discarded: 1, open: 1 }) },
      ],
    },
  ],
};

export const timesReport: FirstContactTimesReport = {
  ...PERIOD,
  targetMinutes: 15,
  owners: [
    {
      ownerId: "u-luis",
      ownerName: "Luis Romero",
      count: 4,
      contacted: 3,
      medianMinutes: 90,
      p90Minutes: 150,
      breaches: 3,
    },
    {
      ownerId: "u-gone",
      ownerName: "Former Seller",
      count: 1,
      contacted: 1,
      medianMinutes: 10,
      p90Minutes: 10,
      breaches: 0,
    },
    {
      ownerId: null,
      ownerName: null,
      count: 2,
      contacted: 0,
      medianMinutes: null,
      p90Minutes: null,
      breaches: 2,
    },
  ],
};

export const discardedContact = (
  id: string,
  reason: string,
  source: string,
  extra: Partial<DiscardedContact> = {},
): DiscardedContact => ({
  opportunityId: id,
  title: `Opportunity ${id}`,
  contact: {
    id: `c-${id}`,
    name: `Contact ${id}`,
    email: `${id}@example.test`,
    phone: null,
    company: null,
    linkedinUrl: null,
    preferredChannel: null,
  },
  reason,
  reasonText: null,
  source,
  campaign: null,
  ownerId: "u-ana",
  discardedAt: "2026-11-20T10:00:00.000Z",
  discardedBy: "u-ana",
  ...extra,
});
