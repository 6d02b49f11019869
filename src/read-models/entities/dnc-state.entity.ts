import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether the customer is on each do-not-call registry, as of the latest listing or removal. */
@Entity('rm_dnc_states')
export class DncStateRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'customer_id', type: 'text' })
  customerId: string;

  @PrimaryColumn({ type: 'text' })
  registry: string;

  /** Empty except for state registries. */
  @PrimaryColumn({ type: 'text' })
  region: string;

  @Column({ type: 'boolean' })
  listed: boolean;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ type: 'timestamptz' })
  time: Date;
}
