import { postgresStore } from '../support/stores';
import { evidenceContract } from './evidence.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('evidence bundles and log verification over HTTP, PostgreSQL (DATABASE_URL)', () => evidenceContract(postgresStore));
