/**
 * The violations report's totals, added up customer by customer so that no customer's detail
 * outlives its turn. Breakdowns are bounded by the vocabulary (channels, reasons) and by the
 * tenant's actors (its users, systems and vendors), never by the number of contacts.
 */

import { CHANNELS, type Actor, type Channel } from '../events';
import type { EligibilityReason } from '../eligibility/answer';
import type { ContactJudgement } from './contact-judgements';
import type { CustomerViolations } from './violations';

export interface ContactCounts {
  contacts: number;
  violations: number;
  withinGrace: number;
  policyBreaches: number;
}

export interface ActorCounts extends ContactCounts {
  actor: Actor;
}

export interface ViolationTotals extends ContactCounts {
  optOuts: number;
  optOutsMet: number;
  optOutsMissed: number;
  /** Deadline still ahead and not broken. */
  optOutsPending: number;
  /** Contacts that were not eligible, by reason. */
  byReason: Partial<Record<EligibilityReason, number>>;
  byChannel: Record<Channel, ContactCounts>;
  /** By the actor who made the contact, most violations first. */
  byActor: ActorCounts[];
}

function noContacts(): ContactCounts {
  return { contacts: 0, violations: 0, withinGrace: 0, policyBreaches: 0 };
}

function count(counts: ContactCounts, judgement: ContactJudgement): void {
  counts.contacts++;
  const outcome = judgement.evaluation?.outcome;
  switch (outcome) {
    case 'violation':
      counts.violations++;
      break;
    case 'within-grace':
      counts.withinGrace++;
      break;
    case 'policy-breach':
      counts.policyBreaches++;
      break;
    case 'eligible':
    case undefined:
      break;
    default: {
      const unhandled: never = outcome;
      throw new Error(`Unhandled contact outcome: ${String(unhandled)}`);
    }
  }
}

export class ViolationTally {
  private readonly overall = noContacts();
  private readonly optOuts = { optOuts: 0, optOutsMet: 0, optOutsMissed: 0, optOutsPending: 0 };
  private readonly byReason = new Map<EligibilityReason, number>();
  private readonly byChannel = new Map<Channel, ContactCounts>(CHANNELS.map((channel) => [channel, noContacts()]));
  private readonly byActor = new Map<string, ActorCounts>();

  add(customer: CustomerViolations): void {
    for (const judgement of customer.contacts) {
      count(this.overall, judgement);
      count(this.byChannel.get(judgement.contact.data.channel)!, judgement);
      count(this.actorCounts(judgement.contact.data.actor), judgement);
      if (judgement.evaluation && judgement.evaluation.outcome !== 'eligible') {
        this.byReason.set(judgement.evaluation.reason, (this.byReason.get(judgement.evaluation.reason) ?? 0) + 1);
      }
    }
    for (const optOut of customer.optOuts) {
      this.optOuts.optOuts++;
      if (optOut.met === true) this.optOuts.optOutsMet++;
      else if (optOut.met === false) this.optOuts.optOutsMissed++;
      else this.optOuts.optOutsPending++;
    }
  }

  totals(): ViolationTotals {
    const byActor = [...this.byActor.values()].sort((a, b) => b.violations - a.violations || b.contacts - a.contacts || actorKey(a.actor).localeCompare(actorKey(b.actor)));
    return {
      ...this.overall,
      ...this.optOuts,
      byReason: Object.fromEntries([...this.byReason].sort(([a], [b]) => a.localeCompare(b))),
      byChannel: Object.fromEntries(this.byChannel) as Record<Channel, ContactCounts>,
      byActor,
    };
  }

  private actorCounts(actor: Actor): ActorCounts {
    const key = actorKey(actor);
    let counts = this.byActor.get(key);
    if (!counts) {
      counts = { actor: { type: actor.type, id: actor.id, ...(actor.name === undefined ? {} : { name: actor.name }) }, ...noContacts() };
      this.byActor.set(key, counts);
    }
    return counts;
  }
}

/** Who an actor is: the type and id the emitter states (the display name may vary between events). */
function actorKey(actor: Actor): string {
  return `${actor.type}:${actor.id}`;
}
