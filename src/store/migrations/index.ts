import { CreateLedger1763856000000 } from './1763856000000-create-ledger';

/** Every schema change, oldest first; run on start against PGlite and PostgreSQL alike. */
export const LEDGER_MIGRATIONS = [CreateLedger1763856000000];
