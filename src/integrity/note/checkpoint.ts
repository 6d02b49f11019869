import { decodeCanonicalBase64 } from '../base64';
import { IntegrityError } from '../integrity-error';
import { HASH_SIZE } from '../merkle/hashing';
import { isValidNoteText } from './note-text';

/** The body of a signed tree head, c2sp.org/tlog-checkpoint. */
export interface Checkpoint {
  /** Identifies the log; this ledger uses `<LEDGER_ORIGIN>/<tenant>`, also its key name. */
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Buffer;
}

const TREE_SIZE = /^(?:0|[1-9][0-9]*)$/;

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash } = checkpoint;
  requireOrigin(origin);
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) malformed(`tree size ${treeSize} is not a non-negative safe integer`);
  if (rootHash.length !== HASH_SIZE) malformed(`root hash is ${rootHash.length} bytes, expected ${HASH_SIZE}`);
  return `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
}

/**
 * Accepts exactly what formatCheckpoint writes. The spec allows extension lines after the root,
 * but this ledger never writes them and they are not auditable, so a body carrying any is
 * refused rather than silently half-understood.
 */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) malformed('checkpoint must end with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length !== 3) {
    malformed(`checkpoint must be exactly origin, tree size and root hash lines, found ${lines.length} lines`);
  }
  const [origin, treeSizeText, rootHashText] = lines;
  requireOrigin(origin);
  const treeSize = Number(treeSizeText);
  if (!TREE_SIZE.test(treeSizeText) || !Number.isSafeInteger(treeSize)) {
    malformed(`tree size "${treeSizeText}" is not a decimal without leading zeros below 2^53`);
  }
  const rootHash = decodeCanonicalBase64(rootHashText);
  if (rootHash === undefined || rootHash.length !== HASH_SIZE) {
    malformed(`root hash "${rootHashText}" is not canonical base64 of ${HASH_SIZE} bytes`);
  }
  return { origin, treeSize, rootHash };
}

function requireOrigin(origin: string): void {
  if (origin === '' || origin.includes('\n') || !isValidNoteText(origin)) {
    malformed('origin must be a non-empty line without control characters');
  }
}

function malformed(reason: string): never {
  throw new IntegrityError('CHECKPOINT.MALFORMED', reason);
}
