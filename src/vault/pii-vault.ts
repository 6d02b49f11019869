import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { KeyMaterial } from '../security/key-material';
import { PiiValues } from './pii-commitment';
import { open, seal } from './sealed-box';

/** What an auditor reads next to an entry: the values and their salt, or that they are gone. */
export type PiiDisclosure = (PiiValues & { salt: string }) | { erased: true };

export interface PiiToSeal {
  sequence: number;
  customerId: string;
  values: PiiValues;
  salt: Buffer;
}

export interface SealedPiiRows {
  newKeys: Array<{ customerId: string; wrappedKey: Buffer }>;
  values: Array<{ sequence: number; customerId: string; sealed: Buffer }>;
}

/**
 * The customers' personal data, kept out of the log (DESIGN.md invariant 7): each customer has a
 * data key, stored wrapped by the master key, that seals their values. Erasure deletes the values
 * and the key; the commitments left in the log then reveal nothing.
 */
export class PiiVault {
  private readonly wrappingKey: Buffer;

  constructor(keys: KeyMaterial) {
    this.wrappingKey = keys.derive('data-key-wrapping');
  }

  /** Seals values for an append, creating data keys for customers that have none yet. */
  sealForAppend(tenantId: string, items: PiiToSeal[], wrappedKeys: Map<string, Buffer>): SealedPiiRows {
    const dataKeys = new Map<string, Buffer>();
    const rows: SealedPiiRows = { newKeys: [], values: [] };
    for (const item of items) {
      let dataKey = dataKeys.get(item.customerId);
      if (!dataKey) {
        const wrapped = wrappedKeys.get(item.customerId);
        if (wrapped) {
          dataKey = open(this.wrappingKey, wrapped, keyContext(tenantId, item.customerId));
        } else {
          dataKey = randomBytes(32);
          rows.newKeys.push({ customerId: item.customerId, wrappedKey: seal(this.wrappingKey, dataKey, keyContext(tenantId, item.customerId)) });
        }
        dataKeys.set(item.customerId, dataKey);
      }
      const plaintext = Buffer.from(JSON.stringify({ values: item.values, salt: item.salt.toString('base64') }), 'utf8');
      rows.values.push({ sequence: item.sequence, customerId: item.customerId, sealed: seal(dataKey, plaintext, valueContext(tenantId, item.customerId, item.sequence)) });
    }
    return rows;
  }

  /**
   * The PII of the given entries (those whose `data.pii` holds a commitment). An entry whose
   * values are gone — the customer was erased — reads `{ erased: true }`.
   */
  async disclose(manager: EntityManager, tenantId: string, entries: Array<{ sequence: number; subject: string }>): Promise<Map<number, PiiDisclosure>> {
    const disclosed = new Map<number, PiiDisclosure>();
    if (entries.length === 0) return disclosed;
    const rows: Array<{ sequence: string; customer_id: string; sealed: Buffer; wrapped_key: Buffer }> = await manager.query(
      `SELECT v.sequence, v.customer_id, v.sealed, k.wrapped_key
         FROM pii_values v JOIN customer_data_keys k ON k.tenant_id = v.tenant_id AND k.customer_id = v.customer_id
        WHERE v.tenant_id = $1 AND v.sequence = ANY($2::bigint[])`,
      [tenantId, entries.map((entry) => entry.sequence)],
    );
    const dataKeys = new Map<string, Buffer>();
    for (const row of rows) {
      const sequence = Number(row.sequence);
      let dataKey = dataKeys.get(row.customer_id);
      if (!dataKey) {
        dataKey = open(this.wrappingKey, row.wrapped_key, keyContext(tenantId, row.customer_id));
        dataKeys.set(row.customer_id, dataKey);
      }
      const { values, salt } = JSON.parse(open(dataKey, row.sealed, valueContext(tenantId, row.customer_id, sequence)).toString('utf8'));
      disclosed.set(sequence, { ...values, salt });
    }
    for (const entry of entries) if (!disclosed.has(entry.sequence)) disclosed.set(entry.sequence, { erased: true });
    return disclosed;
  }
}

function keyContext(tenantId: string, customerId: string): string {
  return JSON.stringify(['data-key', tenantId, customerId]);
}

function valueContext(tenantId: string, customerId: string, sequence: number): string {
  return JSON.stringify(['pii', tenantId, customerId, sequence]);
}
