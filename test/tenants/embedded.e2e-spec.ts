import { embeddedStore } from '../support/stores';
import { tenantsAndKeysContract } from './tenants-and-keys.contract';

describe('tenants and keys over HTTP, embedded PGlite store', () => tenantsAndKeysContract(embeddedStore));
