import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { decodeCanonicalBase64 } from '../base64';
import { IntegrityError } from '../integrity-error';
import { isValidKeyName } from './note-text';

// The signature type byte c2sp.org/signed-note assigns to Ed25519.
const ED25519 = 0x01;
const ED25519_PUBLIC_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;

/** A public key a note may be checked against, identified in signature lines by (name, keyHash). */
export interface NoteVerifier {
  readonly name: string;
  readonly keyHash: number;
  /** The raw 32-byte Ed25519 public key (RFC 8032). */
  readonly publicKey: Buffer;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyHash: number;
  /** What clients need to check this signer's notes: `<name>+<hex key hash>+<base64 key>`. */
  readonly verifierKey: string;
  sign(message: Uint8Array): Buffer;
}

/** The key ID c2sp.org/signed-note recommends: SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4], big-endian. */
export function computeKeyHash(name: string, publicKey: Uint8Array): number {
  return createHash('sha256').update(`${name}\n`).update(Buffer.from([ED25519])).update(publicKey).digest().readUInt32BE(0);
}

/** The verifier key format of golang.org/x/mod/sumdb/note, which other note tools read too. */
export function formatVerifierKey(name: string, key: KeyObject): string {
  requireKeyName(name);
  const publicKey = rawPublicKey(key);
  const keyHash = computeKeyHash(name, publicKey).toString(16).padStart(8, '0');
  return `${name}+${keyHash}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export function parseVerifierKey(verifierKey: string): NoteVerifier {
  // Only the first two '+' separate fields: the base64 key may contain '+' itself.
  const nameEnd = verifierKey.indexOf('+');
  const hashEnd = verifierKey.indexOf('+', nameEnd + 1);
  if (nameEnd < 0 || hashEnd < 0) invalidKey('a verifier key has the form <name>+<key hash>+<base64 key>');
  const name = verifierKey.slice(0, nameEnd);
  const keyHashHex = verifierKey.slice(nameEnd + 1, hashEnd);
  requireKeyName(name);
  if (!/^[0-9a-fA-F]{8}$/.test(keyHashHex)) invalidKey(`key hash "${keyHashHex}" is not 8 hexadecimal digits`);

  const typedKey = decodeCanonicalBase64(verifierKey.slice(hashEnd + 1));
  if (typedKey === undefined) invalidKey('the key is not canonical base64');
  if (typedKey.length !== 1 + ED25519_PUBLIC_KEY_SIZE || typedKey[0] !== ED25519) {
    invalidKey('the key is not an Ed25519 key (type 0x01 followed by 32 bytes)');
  }
  const publicKey = typedKey.subarray(1);
  const keyHash = computeKeyHash(name, publicKey);
  if (keyHash !== Number.parseInt(keyHashHex, 16)) invalidKey(`key hash ${keyHashHex} does not match the key and name`);

  const keyObject = importPublicKey(publicKey);
  return {
    name,
    keyHash,
    publicKey,
    verify: (message, signature) =>
      signature.length === ED25519_SIGNATURE_SIZE && verify(null, message, keyObject, signature),
  };
}

/** A signer from an Ed25519 private key, as a KeyObject or PKCS#8 PEM. */
export function createNoteSigner(name: string, privateKey: KeyObject | string): NoteSigner {
  requireKeyName(name);
  const key = typeof privateKey === 'string' ? parsePrivateKey(privateKey) : privateKey;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') invalidKey('a note signer needs an Ed25519 private key');
  return {
    name,
    keyHash: computeKeyHash(name, rawPublicKey(key)),
    verifierKey: formatVerifierKey(name, key),
    sign: (message) => sign(null, message, key),
  };
}

/**
 * For a person comparing keys over another channel: SHA-256 of the raw public key, in hex. It
 * names the key alone, whatever name it was published under.
 */
export function keyFingerprint(verifier: Pick<NoteVerifier, 'publicKey'>): string {
  return createHash('sha256').update(verifier.publicKey).digest('hex');
}

function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') invalidKey('only Ed25519 keys can sign notes here');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  if (x === undefined) invalidKey('the Ed25519 key has no public part');
  return Buffer.from(x, 'base64url');
}

function importPublicKey(publicKey: Buffer): KeyObject {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
  } catch (error) {
    return invalidKey(`not a usable Ed25519 public key: ${(error as Error).message}`);
  }
}

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    return invalidKey(`cannot read the private key: ${(error as Error).message}`);
  }
}

function requireKeyName(name: string): void {
  if (!isValidKeyName(name)) invalidKey(`key name "${name}" must be non-empty, without spaces or '+'`);
}

function invalidKey(reason: string): never {
  throw new IntegrityError('KEY.INVALID', reason);
}
