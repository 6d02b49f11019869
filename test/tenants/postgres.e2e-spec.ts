import { postgresStore } from '../support/stores';
import { tenantsAndKeysContract } from './tenants-and-keys.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('tenants and keys over HTTP, PostgreSQL (DATABASE_URL)', () => tenantsAndKeysContract(postgresStore));
