import { embeddedStore } from '../support/stores';
import { evidenceContract } from './evidence.contract';

describe('evidence bundles and log verification over HTTP, embedded PGlite store', () => evidenceContract(embeddedStore));
