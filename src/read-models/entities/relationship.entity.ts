import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest relationship event per kind, payment type and payee. */
@Entity('rm_relationships')
export class RelationshipRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  /** Empty when the kind carries none. */
  @PrimaryColumn({ name: 'payment_type', type: 'text' })
  paymentType: string;

  @PrimaryColumn({ type: 'text' })
  payee: string;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ type: 'timestamptz' })
  time: Date;

  @Column({ name: 'contract_ends_at', type: 'timestamptz', nullable: true })
  contractEndsAt: Date | null;
}
