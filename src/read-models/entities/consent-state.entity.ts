import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest grant and the latest withdrawal per (channel, purpose) as stated in the events (`all` included). */
@Entity('rm_consent_states')
export class ConsentStateRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ type: 'text' })
  purpose: string;

  @Column({ name: 'granted_sequence', type: 'bigint', nullable: true })
  grantedSequence: string | null;

  @Column({ name: 'granted_at', type: 'timestamptz', nullable: true })
  grantedAt: Date | null;

  @Column({ name: 'grant_kind', type: 'text', nullable: true })
  grantKind: string | null;

  @Column({ name: 'grant_expires_at', type: 'timestamptz', nullable: true })
  grantExpiresAt: Date | null;

  @Column({ name: 'withdrawn_sequence', type: 'bigint', nullable: true })
  withdrawnSequence: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawal_method', type: 'text', nullable: true })
  withdrawalMethod: string | null;

  /** A vendor's or system's withdrawal (RULES.md "suppression"), not the customer's. */
  @Column({ name: 'withdrawal_is_suppression', type: 'boolean', nullable: true })
  withdrawalIsSuppression: boolean | null;
}
