import { CreateLedger1763856000000 } from './1763856000000-create-ledger';
import { CreateMerkleTree1763942400000 } from './1763942400000-create-merkle-tree';
import { CreateReadModels1764028800000 } from './1764028800000-create-read-models';

/** Every schema change, oldest first; run on start against PGlite and PostgreSQL alike. */
export const LEDGER_MIGRATIONS = [CreateLedger1763856000000, CreateMerkleTree1763942400000, CreateReadModels1764028800000];
