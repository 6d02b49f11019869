import { embeddedStore, postgresStore } from '../support/stores';
import { rebuildContract } from './rebuild.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describe('rebuilding the read models, embedded PGlite store', () => rebuildContract(embeddedStore));
describeWithPostgres('rebuilding the read models, PostgreSQL (DATABASE_URL)', () => rebuildContract(postgresStore));
