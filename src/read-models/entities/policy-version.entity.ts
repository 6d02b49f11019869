import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyRules } from '../../../projections';

/** Every version of every tenant policy; the one in force is chosen at query time (DESIGN.md invariant 6). */
@Entity('rm_policy_versions')
export class PolicyVersionRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  rules: PolicyRules;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ type: 'timestamptz' })
  time: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
