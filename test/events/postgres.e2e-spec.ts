import { postgresStore } from '../support/stores';
import { eventsOverHttpContract } from './events-over-http.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('events over HTTP, PostgreSQL (DATABASE_URL)', () => eventsOverHttpContract(postgresStore));
