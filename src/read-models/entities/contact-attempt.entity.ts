import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Each contact attempt with its evaluation at its own time as known at its recordedAt (RULES.md). */
@Entity('rm_contact_attempts')
@Index('rm_contact_attempts_by_customer', ['tenantId', 'customerId', 'sequence'])
export class ContactAttemptRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'bigint' })
  sequence: string;

  @Column({ name: 'customer_id', type: 'text' })
  customerId: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'timestamptz' })
  time: Date;

  /** `eligible`, `violation`, `within-grace` or `policy-breach`; null for failed attempts, which are not contacts. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  basis: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;
}
