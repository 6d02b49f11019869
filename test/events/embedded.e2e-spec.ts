import { embeddedStore } from '../support/stores';
import { eventsOverHttpContract } from './events-over-http.contract';

describe('events over HTTP, embedded PGlite store', () => eventsOverHttpContract(embeddedStore));
