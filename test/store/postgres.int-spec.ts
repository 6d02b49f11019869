import { postgresStore } from '../support/stores';
import { tenantLogContract } from './tenant-log.contract';
import { transactionContract } from './transactions.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('tenant log on PostgreSQL (DATABASE_URL)', () => tenantLogContract(postgresStore));

describeWithPostgres('transactions on PostgreSQL (DATABASE_URL)', () => transactionContract(postgresStore));
