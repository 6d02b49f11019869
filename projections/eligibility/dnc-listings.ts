/**
 * National and state do-not-call registries (RULES.md "Regimes"). Internal listings are
 * withdrawals, not listings (see consent.ts). A `state` listing applies when its region is the
 * customer's region.
 */

import { earliestOf, isLater, latestOf, type CustomerView, type ListingInView } from './customer-view';

export interface Listing {
  /** The listing that started the current unbroken run: registries are scrubbed from it (grace). */
  since: ListingInView;
  latest: ListingInView;
}

function listingIn(events: readonly ListingInView[], t: number): Listing | undefined {
  const made = events.filter((event) => event.time <= t);
  const latest = latestOf(made);
  if (!latest?.listed) return undefined;
  const lastRemoval = latestOf(made.filter((event) => !event.listed));
  const since = earliestOf(made.filter((event) => event.listed && (!lastRemoval || isLater(event, lastRemoval))));
  return { since: since ?? latest, latest };
}

export function nationalListingAt(view: CustomerView, t: number): Listing | undefined {
  return listingIn(view.listings.filter((event) => event.registry === 'national'), t);
}

export function stateListingAt(view: CustomerView, t: number): Listing | undefined {
  const region = view.jurisdiction.region;
  if (region === undefined) return undefined;
  return listingIn(view.listings.filter((event) => event.registry === 'state' && event.region === region), t);
}

/** The listings an answer rests on: the one the run started with and the latest, if another. */
export function listingEvidence(listing: Listing): number[] {
  return listing.since === listing.latest ? [listing.since.sequence] : [listing.since.sequence, listing.latest.sequence];
}
