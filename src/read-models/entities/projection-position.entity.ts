import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence the read models reflect, written with them (DESIGN.md invariant 4). */
@Entity('rm_projection_positions')
export class ProjectionPositionRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'last_sequence', type: 'bigint' })
  lastSequence: string;
}
