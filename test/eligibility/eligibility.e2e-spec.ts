import { embeddedStore, postgresStore } from '../support/stores';
import { eligibilityContract } from './eligibility.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describe('eligibility over HTTP, embedded PGlite store', () => eligibilityContract(embeddedStore));
describeWithPostgres('eligibility over HTTP, PostgreSQL (DATABASE_URL)', () => eligibilityContract(postgresStore));
