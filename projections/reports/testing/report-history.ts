/**
 * Report specs' given: one tenant's log from entry drafts (projections/testing), cut into what the
 * service hands the report folds — a customer's history and facts, and the tenant's policy versions.
 */

import { foldCustomerFacts } from '../../customer-facts';
import type { LedgerEntry } from '../../events';
import { foldPolicyVersions } from '../../policies';
import type { TenantDefaults } from '../../eligibility/answer';
import { ONTARIO_TENANT } from '../../testing/eligibility-specification';
import { CUSTOMER_ID, toEntries, type EntryDraft } from '../../testing/ledger-entries';
import type { CustomerContext } from '../contact-judgements';
import type { CustomerHistory } from '../violations';

export class TenantLog {
  readonly entries: LedgerEntry[];

  constructor(
    drafts: readonly EntryDraft[],
    readonly tenant: TenantDefaults = ONTARIO_TENANT,
  ) {
    this.entries = toEntries(drafts);
  }

  history(customerId = CUSTOMER_ID): CustomerHistory {
    return { customerId, entries: this.entries.filter((entry) => entry.subject === customerId) };
  }

  context(customerId = CUSTOMER_ID): CustomerContext {
    const facts = foldCustomerFacts(this.history(customerId).entries);
    if (!facts) throw new Error(`no entry about ${customerId}`);
    return { facts, policies: foldPolicyVersions(this.entries), tenant: this.tenant };
  }
}

export function tenantLog(...drafts: EntryDraft[]): TenantLog {
  return new TenantLog(drafts);
}
