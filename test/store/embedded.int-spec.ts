import { embeddedStore } from '../support/stores';
import { tenantLogContract } from './tenant-log.contract';

describe('tenant log on the embedded PGlite store', () => tenantLogContract(embeddedStore));
