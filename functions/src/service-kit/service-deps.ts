import type { IdGenerator } from "@dealflow/core";
import type { Store } from "../storage/store.js";

/**
 * What every feature service needs, whoever calls it (a route, a card action, a deadline, the
 * seed): the store it reads and commits through and the clock it acts at.
 */
export type ServiceDeps = {
  store: Store;
  clock: () => Date;
  /** New records' ids; the seed stamps them with the past moment it replays. */
  ids?: IdGenerator;
};
