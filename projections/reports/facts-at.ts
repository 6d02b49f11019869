/**
 * A customer's facts as one question sees them: what the engine's view keeps anyway (`time ≤ at`,
 * recorded by `asOf`; RULES.md "Inputs" and "Fine points", `until` included), cut here with
 * string comparisons before the engine parses every item's timestamps. Of the contacts, the engine
 * reads only the latest on each channel before `at` (the exclusion rule) and the latest at or
 * before it (its `until`): a customer with thousands of contacts hands each question at most two
 * per channel. A report asks thousands of questions of one history, so this is where its time goes.
 */

import type { ContactFact, CustomerFacts } from '../customer-facts';
import { CHANNELS, type Channel } from '../events';
import { contactsTheEngineReads } from '../eligibility/contacts-read';
import { byTimeThenSequence } from './ordering';

export class FactsAtInstant {
  private readonly contactsByChannel = new Map<Channel, ContactFact[]>();

  constructor(private readonly facts: CustomerFacts) {
    for (const channel of CHANNELS) this.contactsByChannel.set(channel, facts.contacts.filter((contact) => contact.channel === channel).sort(byTimeThenSequence));
  }

  /** Facts equivalent, for every question at `at` as known at `asOf`, to the whole history. */
  at(at: string, asOf: string): CustomerFacts {
    const counts = (item: { time: string; recordedAt: string }) => item.time <= at && item.recordedAt <= asOf;
    const { facts } = this;
    return {
      lastSequence: facts.lastSequence,
      presence: facts.presence.filter(counts),
      profile: facts.profile.filter(counts),
      grants: facts.grants.filter(counts),
      withdrawals: facts.withdrawals.filter(counts),
      relationships: facts.relationships.filter(counts),
      dnc: facts.dnc.filter(counts),
      contacts: this.contactsAt(at, asOf),
      erasures: facts.erasures.filter(counts),
    };
  }

  private contactsAt(at: string, asOf: string): ContactFact[] {
    return [...this.contactsByChannel.values()].flatMap((contacts) => contactsTheEngineReads(contacts, at, asOf, (contact) => contact.time, (contact) => contact.recordedAt));
  }
}
