export type IsoDateTime = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const addMinutes = (at: Date, minutes: number): Date =>
  new Date(at.getTime() + minutes * MINUTE_MS);

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

export const iso = (at: Date): IsoDateTime => at.toISOString();

export const parseIso = (value: IsoDateTime): Date => new Date(value);
