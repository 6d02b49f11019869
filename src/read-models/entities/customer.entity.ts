import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomerFacts } from '../../../projections';

/**
 * One row per known customer: where they receive messages, and the engine's facts about them,
 * so a "now" question is answered from this row and the policies without replaying the log.
 */
@Entity('rm_customers')
export class CustomerRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'text' })
  country: string;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({ name: 'last_sequence', type: 'bigint' })
  lastSequence: string;

  @Column({ type: 'jsonb' })
  facts: CustomerFacts;
}
