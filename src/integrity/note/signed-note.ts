import { decodeCanonicalBase64 } from '../base64';
import { IntegrityError, IntegrityErrorCode } from '../integrity-error';
import { NoteSigner, NoteVerifier } from './note-keys';
import { isValidKeyName, isValidNoteText } from './note-text';

/**
 * c2sp.org/signed-note, as golang.org/x/mod/sumdb/note writes and reads it:
 *
 *     <text ending in "\n">
 *     <blank line>
 *     — <key name> <base64(4-byte key hash ‖ signature)>   (one line per signature)
 */

const SIGNATURE_LINE_PREFIX = '\u2014 ';
// The spec requires accepting at least 16 signatures; Go's reader stops at 100.
const MAX_SIGNATURES = 100;

export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n') || !isValidNoteText(text)) {
    fail('NOTE.MALFORMED', 'note text must end with a newline and contain no control character but newline');
  }
  const keyHash = Buffer.alloc(4);
  keyHash.writeUInt32BE(signer.keyHash);
  const signature = Buffer.concat([keyHash, signer.sign(Buffer.from(text, 'utf8'))]).toString('base64');
  return `${text}\n${SIGNATURE_LINE_PREFIX}${signer.name} ${signature}\n`;
}

/**
 * The text of `note` once a signature by one of `verifiers` has checked out. Signatures by other
 * keys are skipped, as the spec requires (they may be witnesses' or a rotated key's), but a
 * signature claiming to be by a known key must verify.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): string {
  if (!isValidNoteText(note)) fail('NOTE.MALFORMED', 'note contains a control character other than newline');
  // The text may itself contain blank lines: the last one separates it from the signatures.
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0) fail('NOTE.MALFORMED', 'note has no blank line before its signatures');
  const text = note.slice(0, separator + 1);
  const signatureBlock = note.slice(separator + 2);
  if (signatureBlock === '' || !signatureBlock.endsWith('\n')) {
    fail('NOTE.MALFORMED', 'note must end with signature lines, each ending in a newline');
  }
  const lines = signatureBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) fail('NOTE.MALFORMED', `note has more than ${MAX_SIGNATURES} signatures`);

  const message = Buffer.from(text, 'utf8');
  const unknownSigners: string[] = [];
  let verified = 0;
  for (const line of lines) {
    const { name, keyHash, signature } = parseSignatureLine(line);
    const verifier = verifiers.find((candidate) => candidate.name === name && candidate.keyHash === keyHash);
    if (verifier === undefined) {
      unknownSigners.push(`${name}+${keyHash.toString(16).padStart(8, '0')}`);
    } else if (verifier.verify(message, signature)) {
      verified++;
    } else {
      fail('NOTE.BAD_SIGNATURE', `signature by ${name} does not verify`);
    }
  }
  if (verified === 0) {
    fail('NOTE.UNKNOWN_KEY', `note is not signed by any known key (signed by ${unknownSigners.join(', ')})`);
  }
  return text;
}

function parseSignatureLine(line: string): { name: string; keyHash: number; signature: Buffer } {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX)) fail('NOTE.MALFORMED', `"${line}" is not a signature line`);
  const fields = line.slice(SIGNATURE_LINE_PREFIX.length).split(' ');
  const [name, encoded] = fields;
  if (fields.length !== 2 || !isValidKeyName(name)) fail('NOTE.MALFORMED', `"${line}" is not "— <key name> <signature>"`);
  const bytes = decodeCanonicalBase64(encoded);
  if (bytes === undefined || bytes.length <= 4) fail('NOTE.MALFORMED', `signature by ${name} is not base64 of a key hash and a signature`);
  return { name, keyHash: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

function fail(code: IntegrityErrorCode, reason: string): never {
  throw new IntegrityError(code, reason);
}
