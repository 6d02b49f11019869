import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log and the small tables the write side reads (DESIGN.md invariants 1, 2, 5, 7).
 * `ledger_entries` is the only table with a `leaf_hash`, and the database itself refuses to
 * change it: UPDATE, DELETE and TRUNCATE raise, whoever asks.
 */
export class CreateLedger1763856000000 implements MigrationInterface {
  name = 'CreateLedger1763856000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tenants (
        id text PRIMARY KEY,
        name text NOT NULL,
        country text NOT NULL,
        region text,
        timezone text NOT NULL,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        tenant_id text NOT NULL REFERENCES tenants (id),
        role text NOT NULL CHECK (role IN ('emitter', 'auditor', 'admin')),
        label text NOT NULL,
        key_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);

      CREATE TABLE ledger_entries (
        tenant_id text NOT NULL REFERENCES tenants (id),
        sequence bigint NOT NULL CHECK (sequence >= 0),
        event_id text NOT NULL,
        source text NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        time timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        recorded_by jsonb NOT NULL,
        prev_subject_sequence bigint,
        data jsonb NOT NULL,
        leaf_hash bytea NOT NULL,
        -- Idempotency: (source, id) is appended once; the HMAC of its content tells a resend from a conflict.
        fingerprint bytea NOT NULL,
        PRIMARY KEY (tenant_id, sequence),
        UNIQUE (tenant_id, source, event_id)
      );
      CREATE INDEX ledger_entries_by_subject ON ledger_entries (tenant_id, subject, sequence);
      CREATE INDEX ledger_entries_by_type ON ledger_entries (tenant_id, type, sequence);

      CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entries is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END
      $$;
      CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();

      -- The PII vault: per-customer data keys (wrapped by the master key) and sealed values.
      CREATE TABLE customer_data_keys (
        tenant_id text NOT NULL,
        customer_id text NOT NULL,
        wrapped_key bytea NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      );
      CREATE TABLE pii_values (
        tenant_id text NOT NULL,
        sequence bigint NOT NULL,
        customer_id text NOT NULL,
        sealed bytea NOT NULL,
        PRIMARY KEY (tenant_id, sequence)
      );
      CREATE INDEX pii_values_by_customer ON pii_values (tenant_id, customer_id);
      CREATE TABLE customer_erasures (
        tenant_id text NOT NULL,
        customer_id text NOT NULL,
        sequence bigint NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE customer_erasures, pii_values, customer_data_keys;
      DROP TABLE ledger_entries;
      DROP FUNCTION ledger_entries_refuse_change();
      DROP TABLE api_keys, tenants;
    `);
  }
}
