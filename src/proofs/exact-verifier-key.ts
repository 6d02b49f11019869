import { IntegrityError, NoteVerifier, parseVerifierKey } from '../integrity';

/**
 * A verifier key read as offline tools must: parseVerifierKey accepts the key hash in either
 * hexadecimal case, so a key also has to be written exactly as the service writes it. Otherwise
 * two spellings of one key would both pass, and a changed byte could go unnoticed.
 */
export function readExactVerifierKey(text: string): NoteVerifier {
  const verifier = parseVerifierKey(text);
  const keyHash = verifier.keyHash.toString(16).padStart(8, '0');
  const typedKey = Buffer.concat([Buffer.of(0x01), verifier.publicKey]).toString('base64');
  if (text !== `${verifier.name}+${keyHash}+${typedKey}`) {
    throw new IntegrityError('KEY.INVALID', 'the verifier key is not in its canonical form <name>+<lowercase hex key hash>+<base64 key>');
  }
  return verifier;
}

