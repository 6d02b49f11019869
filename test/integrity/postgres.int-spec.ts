import { postgresStore } from '../support/stores';
import { storedTreeContract } from './stored-tree.contract';
import { tamperingContract } from './tampering.contract';

const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

describeWithPostgres('the stored Merkle tree on PostgreSQL (DATABASE_URL)', () => storedTreeContract(postgresStore));
describeWithPostgres('tampering with the log on PostgreSQL (DATABASE_URL)', () => tamperingContract(postgresStore));
