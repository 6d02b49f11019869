/** One line saying what an entry records, for timelines read by people (no personal data: the log holds none). */

import type { LedgerEntry } from '../events';

export function summarizeEntry(entry: LedgerEntry): string {
  switch (entry.type) {
    case 'customer.registered':
    case 'customer.updated': {
      const verb = entry.type === 'customer.registered' ? 'Registered' : 'Profile updated';
      const where = entry.data.jurisdiction ? ` in ${place(entry.data.jurisdiction)}` : '';
      const zone = entry.data.timezone ? `, time zone ${entry.data.timezone}` : '';
      const pii = entry.data.pii ? ', personal data committed' : '';
      return `${verb}${where}${zone}${pii}`;
    }
    case 'consent.granted': {
      const { channel, purpose, kind, evidence, expiresAt } = entry.data;
      const reference = evidence.reference ? ` ${evidence.reference}` : '';
      return `Consent granted: ${scope(channel, purpose)}, ${kind} (${evidence.method}${reference})${expiresAt ? `, expires ${expiresAt}` : ''}`;
    }
    case 'consent.withdrawn':
      return `Consent withdrawn: ${scope(entry.data.channel, entry.data.purpose)} (${entry.data.method}${entry.data.reference ? ` ${entry.data.reference}` : ''})`;
    case 'relationship.recorded': {
      const { kind, paymentType, interaction, payee, contractEndsAt } = entry.data;
      const details = [paymentType, interaction, payee && payee !== 'tenant' ? `paid to ${payee}` : undefined, contractEndsAt ? `contract ends ${contractEndsAt}` : undefined].filter(Boolean);
      return `Relationship: ${kind}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
    }
    case 'contact.attempted': {
      const { channel, purpose, campaignId, automated, outcome } = entry.data;
      const how = automated ? ', automated' : '';
      return `Contact: ${channel} ${purpose}${campaignId ? `, campaign ${campaignId}` : ''}${how}${outcome ? `, ${outcome}` : ''}`;
    }
    case 'dnc.listed':
      return `Listed on the ${registry(entry.data.registry, entry.data.region)} do-not-call list`;
    case 'dnc.removed':
      return `Removed from the ${registry(entry.data.registry, entry.data.region)} do-not-call list`;
    case 'erasure.requested':
      return `Erasure requested (${entry.data.basis})`;
    case 'export.requested':
      return `Export requested: ${entry.data.scope.description}, to ${entry.data.destination}`;
    case 'export.approved':
      return 'Export approved';
    case 'export.denied':
      return `Export denied: ${entry.data.reason}`;
    case 'export.delivered':
      return `Export delivered: ${entry.data.recordCount} records to ${entry.data.deliveredTo}`;
    case 'policy.adopted':
      return `Policy "${entry.data.name}" version ${entry.data.version} adopted`;
    default: {
      const unhandled: never = entry;
      throw new Error(`Unhandled entry type: ${(unhandled as LedgerEntry).type}`);
    }
  }
}

function place(jurisdiction: { country: string; region?: string }): string {
  return jurisdiction.region ? `${jurisdiction.country}-${jurisdiction.region}` : jurisdiction.country;
}

function scope(channel: string, purpose: string): string {
  return `${channel === 'all' ? 'every channel' : channel}, ${purpose === 'all' ? 'every purpose' : purpose}`;
}

function registry(name: string, region: string | undefined): string {
  return name === 'state' && region ? `${region} state` : name;
}
