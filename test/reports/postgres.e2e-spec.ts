import { postgresStore } from '../support/stores';
import { reportsContract } from './reports.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('audit reports over HTTP, PostgreSQL (DATABASE_URL)', () => reportsContract(postgresStore));
