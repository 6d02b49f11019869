import { createHash, createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { computeKeyHash, createNoteSigner, formatVerifierKey, keyFingerprint, parseVerifierKey } from './note-keys';

// RFC 8410 PKCS#8 wrapping of a raw 32-byte Ed25519 seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const keyFromSeed = (seedHex: string): KeyObject =>
  createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]), format: 'der', type: 'pkcs8' });

// The example key of golang.org/x/mod/sumdb/note's documentation: signer key
// PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz holds this seed.
const GO_EXAMPLE_SEED = '810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173';
const GO_EXAMPLE_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';

describe('note keys', () => {
  it('formats the verifier key Go documents for its example signer', () => {
    const signer = createNoteSigner('PeterNeumann', keyFromSeed(GO_EXAMPLE_SEED));
    expect(signer.verifierKey).toBe(GO_EXAMPLE_VERIFIER_KEY);
    expect(signer.keyHash).toBe(0xc74f20a3);
  });

  it('computes the key hash as SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key)[:4]', () => {
    const publicKey = parseVerifierKey(GO_EXAMPLE_VERIFIER_KEY).publicKey;
    const digest = createHash('sha256')
      .update(Buffer.concat([Buffer.from('PeterNeumann', 'utf8'), Buffer.from([0x0a, 0x01]), publicKey]))
      .digest();
    const independentKeyHash = digest[0] * 2 ** 24 + digest[1] * 2 ** 16 + digest[2] * 2 ** 8 + digest[3];
    expect(computeKeyHash('PeterNeumann', publicKey)).toBe(independentKeyHash);
  });

  it('derives keys and signs as RFC 8032 §7.1 TEST 1 says', () => {
    const signer = createNoteSigner('rfc8032.example/test1', keyFromSeed('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'));
    expect(parseVerifierKey(signer.verifierKey).publicKey.toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(signer.sign(Buffer.alloc(0)).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('reads a PKCS#8 PEM private key like the KeyObject it encodes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const signer = createNoteSigner('ledger.example/acme', pem);
    expect(signer.verifierKey).toBe(createNoteSigner('ledger.example/acme', privateKey).verifierKey);
    expect(signer.verifierKey).toBe(formatVerifierKey('ledger.example/acme', publicKey));
  });

  it('round-trips a verifier key, which checks what its signer signed', () => {
    const signer = createNoteSigner('ledger.example/acme', generateKeyPairSync('ed25519').privateKey);
    const verifier = parseVerifierKey(signer.verifierKey);
    expect(verifier).toMatchObject({ name: 'ledger.example/acme', keyHash: signer.keyHash });
    const message = Buffer.from('text\n');
    expect(verifier.verify(message, signer.sign(message))).toBe(true);
    expect(verifier.verify(Buffer.from('other\n'), signer.sign(message))).toBe(false);
    expect(verifier.verify(message, signer.sign(message).subarray(1))).toBe(false);
  });

  it('accepts an upper-case key hash, as Go does', () => {
    expect(parseVerifierKey(GO_EXAMPLE_VERIFIER_KEY.replace('c74f20a3', 'C74F20A3')).keyHash).toBe(0xc74f20a3);
  });

  it.each([
    ['no fields', 'PeterNeumann'],
    ['no key', 'PeterNeumann+c74f20a3'],
    ['an empty name', '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a 7-digit key hash', 'PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a key hash of another key', 'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['another name for the key', 'PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['unpadded base64', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T'],
    ['base64 with a stray character', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW!'],
    ['a non-Ed25519 type byte', `PeterNeumann+c74f20a3+${Buffer.concat([Buffer.from([2]), Buffer.alloc(32)]).toString('base64')}`],
    ['a short key', `PeterNeumann+c74f20a3+${Buffer.from([1, 2, 3]).toString('base64')}`],
  ])('rejects a verifier key with %s', (_case, verifierKey) => {
    expect(() => parseVerifierKey(verifierKey)).toThrow(expect.objectContaining({ code: 'KEY.INVALID' }));
  });

  it.each(['', 'a b', 'a+b', 'a\tb', 'a\u00a0b', 'a\u0085b', 'a\u3000b', 'a\u0001b'])('rejects the key name %j', (name) => {
    expect(() => createNoteSigner(name, generateKeyPairSync('ed25519').privateKey)).toThrow(
      expect.objectContaining({ code: 'KEY.INVALID' }),
    );
  });

  it('accepts names that are URLs with paths and non-ASCII letters', () => {
    expect(() => createNoteSigner('ledger.example/autohaus-müller', generateKeyPairSync('ed25519').privateKey)).not.toThrow();
  });

  it.each([
    ['an Ed25519 public key', () => generateKeyPairSync('ed25519').publicKey],
    ['an X25519 key', () => generateKeyPairSync('x25519').privateKey],
    ['an ECDSA key', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey],
    ['text that is not PEM', () => 'not a key'],
  ])('refuses to sign with %s', (_case, key) => {
    expect(() => createNoteSigner('ledger.example/acme', key())).toThrow(expect.objectContaining({ code: 'KEY.INVALID' }));
  });

  it('fingerprints the public key alone, as SHA-256 in hex', () => {
    const verifier = parseVerifierKey(GO_EXAMPLE_VERIFIER_KEY);
    const renamed = parseVerifierKey(createNoteSigner('other.example', keyFromSeed(GO_EXAMPLE_SEED)).verifierKey);
    expect(keyFingerprint(verifier)).toBe(createHash('sha256').update(verifier.publicKey).digest('hex'));
    expect(keyFingerprint(verifier)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyFingerprint(renamed)).toBe(keyFingerprint(verifier));
  });
});
