import { MigrationInterface, QueryRunner } from 'typeorm';

/** The eligibility read models (src/read-models/entities), rebuildable from the log at any time. */
export class CreateReadModels1764028800000 implements MigrationInterface {
  name = 'CreateReadModels1764028800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rm_customers (
        tenant_id text NOT NULL, customer_id text NOT NULL,
        country text NOT NULL, region text, timezone text NOT NULL,
        erased_at timestamptz, last_sequence bigint NOT NULL, facts jsonb NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      );
      CREATE TABLE rm_consent_states (
        tenant_id text NOT NULL, customer_id text NOT NULL, channel text NOT NULL, purpose text NOT NULL,
        granted_sequence bigint, granted_at timestamptz, grant_kind text, grant_expires_at timestamptz,
        withdrawn_sequence bigint, withdrawn_at timestamptz, withdrawal_method text, withdrawal_is_suppression boolean,
        PRIMARY KEY (tenant_id, customer_id, channel, purpose)
      );
      CREATE TABLE rm_relationships (
        tenant_id text NOT NULL, customer_id text NOT NULL, kind text NOT NULL, payment_type text NOT NULL, payee text NOT NULL,
        sequence bigint NOT NULL, time timestamptz NOT NULL, contract_ends_at timestamptz,
        PRIMARY KEY (tenant_id, customer_id, kind, payment_type, payee)
      );
      CREATE TABLE rm_dnc_states (
        tenant_id text NOT NULL, customer_id text NOT NULL, registry text NOT NULL, region text NOT NULL,
        listed boolean NOT NULL, sequence bigint NOT NULL, time timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, customer_id, registry, region)
      );
      CREATE TABLE rm_policy_versions (
        tenant_id text NOT NULL, policy_id text NOT NULL, version integer NOT NULL,
        name text NOT NULL, rules jsonb NOT NULL, sequence bigint NOT NULL, time timestamptz NOT NULL, recorded_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, policy_id, version)
      );
      CREATE TABLE rm_contact_attempts (
        tenant_id text NOT NULL, sequence bigint NOT NULL, customer_id text NOT NULL,
        channel text NOT NULL, purpose text NOT NULL, time timestamptz NOT NULL,
        outcome text, reason text, basis text, deadline timestamptz,
        PRIMARY KEY (tenant_id, sequence)
      );
      CREATE INDEX rm_contact_attempts_by_customer ON rm_contact_attempts (tenant_id, customer_id, sequence);
      CREATE TABLE rm_projection_positions (
        tenant_id text PRIMARY KEY, last_sequence bigint NOT NULL
      );
      -- recordedAt never decreases along the sequence, so "recorded by asOf" is a prefix found by this index.
      CREATE INDEX ledger_entries_by_recorded_at ON ledger_entries (tenant_id, recorded_at);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX ledger_entries_by_recorded_at;
      DROP TABLE rm_projection_positions, rm_contact_attempts, rm_policy_versions, rm_dnc_states, rm_relationships, rm_consent_states, rm_customers;
    `);
  }
}
