/**
 * Builds a customer's facts from their entries in log order, in time linear in the history.
 * `foldCustomerFacts` copies every list at each entry — right for a read model that stores one
 * value per event, but quadratic over a history of thousands of entries, which a report folds at
 * once. Each entry is applied with `applyEntry` itself to a carrier holding only the presence
 * points, so the facts are exactly the read model's; the one item it adds is then appended.
 */

import { applyEntry, type CustomerFacts, type PresencePoint } from '../customer-facts';
import { isCustomerEventType, type LedgerEntry } from '../events';

type ListKey = Exclude<{ [K in keyof CustomerFacts]: CustomerFacts[K] extends unknown[] ? K : never }[keyof CustomerFacts], 'presence'>;

const LIST_KEYS = ['profile', 'grants', 'withdrawals', 'relationships', 'dnc', 'contacts', 'erasures'] as const satisfies readonly ListKey[];

// A list added to CustomerFacts and missing here is a compile error rather than a silently empty list.
const everyListKept: [Exclude<ListKey, (typeof LIST_KEYS)[number]>] extends [never] ? true : never = true;
void everyListKept;

function emptyLists(): Pick<CustomerFacts, ListKey> {
  return { profile: [], grants: [], withdrawals: [], relationships: [], dnc: [], contacts: [], erasures: [] };
}

/** `applyEntry` copies the lists it extends and never changes them, so every carrier can share these. */
const NO_ITEMS = emptyLists();

/** Spelled out: building it as `{ ...NO_ITEMS, lastSequence, presence }` took V8's slow path, half the fold's time. */
function carrierOf(lastSequence: number, presence: PresencePoint[]): CustomerFacts {
  const { profile, grants, withdrawals, relationships, dnc, contacts, erasures } = NO_ITEMS;
  return { lastSequence, presence, profile, grants, withdrawals, relationships, dnc, contacts, erasures };
}

export class CustomerFactsAccumulator {
  private facts: CustomerFacts | undefined;

  add(entry: LedgerEntry): void {
    if (!isCustomerEventType(entry.type)) return;
    const carrier = carrierOf(this.facts?.lastSequence ?? -1, this.facts?.presence ?? []);
    const applied = applyEntry(carrier, entry);
    if (applied === carrier) return;
    const facts = (this.facts ??= { ...emptyLists(), lastSequence: -1, presence: [] });
    facts.lastSequence = applied.lastSequence;
    facts.presence = applied.presence;
    for (const key of LIST_KEYS) if (applied[key] !== NO_ITEMS[key]) (facts[key] as unknown[]).push(...applied[key]);
  }

  /** Undefined until a customer entry was added, like `foldCustomerFacts`. */
  result(): CustomerFacts | undefined {
    return this.facts;
  }
}

export function accumulateCustomerFacts(entries: Iterable<LedgerEntry>): CustomerFacts | undefined {
  const accumulator = new CustomerFactsAccumulator();
  for (const entry of entries) accumulator.add(entry);
  return accumulator.result();
}
