export { formatCheckpoint, parseCheckpoint } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export { computeKeyHash, createNoteSigner, formatVerifierKey, keyFingerprint, parseVerifierKey } from './note-keys';
export type { NoteSigner, NoteVerifier } from './note-keys';
export { isValidKeyName } from './note-text';
export { openNote, signNote } from './signed-note';
