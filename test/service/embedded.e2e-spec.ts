import { embeddedStore } from '../support/stores';
import { serviceContract } from './service.contract';

describe('the service over HTTP, embedded PGlite store', () => serviceContract(embeddedStore));
