import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interior hashes of each tenant's Merkle tree, and every checkpoint issued (DESIGN.md
 * invariant 3). Only complete subtrees of 16 leaves or more are stored: lower levels are
 * recomputed from at most 16 leaf hashes, so roots and proofs still read O(log n) rows while
 * an append writes one node row per 16 entries instead of one per entry.
 */
export class CreateMerkleTree1763942400000 implements MigrationInterface {
  name = 'CreateMerkleTree1763942400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE merkle_nodes (
        tenant_id text NOT NULL,
        level smallint NOT NULL CHECK (level >= 4),
        index bigint NOT NULL CHECK (index >= 0),
        hash bytea NOT NULL,
        PRIMARY KEY (tenant_id, level, index)
      );

      CREATE TABLE checkpoints (
        tenant_id text NOT NULL REFERENCES tenants (id),
        tree_size bigint NOT NULL CHECK (tree_size >= 0),
        root_hash bytea NOT NULL,
        note text NOT NULL,
        issued_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, tree_size)
      );

      CREATE FUNCTION checkpoints_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'checkpoints are append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$;
      CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION checkpoints_refuse_change();
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE checkpoints;
      DROP FUNCTION checkpoints_refuse_change();
      DROP TABLE merkle_nodes;
    `);
  }
}
