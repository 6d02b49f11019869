import { embeddedStore } from '../support/stores';
import { reportsContract } from './reports.contract';

describe('audit reports over HTTP, embedded PGlite store', () => reportsContract(embeddedStore));
