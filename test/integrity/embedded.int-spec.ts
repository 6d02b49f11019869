import { embeddedStore } from '../support/stores';
import { storedTreeContract } from './stored-tree.contract';
import { tamperingContract } from './tampering.contract';

describe('the stored Merkle tree on the embedded PGlite store', () => storedTreeContract(embeddedStore));
describe('tampering with the log on the embedded PGlite store', () => tamperingContract(embeddedStore));
