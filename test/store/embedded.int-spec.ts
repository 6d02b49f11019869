import { embeddedStore } from '../support/stores';
import { tenantLogContract } from './tenant-log.contract';
import { transactionContract } from './transactions.contract';

describe('tenant log on the embedded PGlite store', () => tenantLogContract(embeddedStore));

describe('transactions on the embedded PGlite store', () => transactionContract(embeddedStore));
