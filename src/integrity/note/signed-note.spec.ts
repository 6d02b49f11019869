import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { createNoteSigner, NoteVerifier, parseVerifierKey } from './note-keys';
import { openNote, signNote } from './signed-note';

// golang.org/x/mod/sumdb/note's documented example, produced by Go's implementation.
const GO_EXAMPLE_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_EXAMPLE_NOTE = `${GO_EXAMPLE_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const GO_EXAMPLE_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_EXAMPLE_SEED = '810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173';

const newSigner = (name: string) => createNoteSigner(name, generateKeyPairSync('ed25519').privateKey);
const code = (expected: string) => expect.objectContaining({ code: expected });

describe('signed notes', () => {
  const signer = newSigner('ledger.example/acme');
  const verifier = parseVerifierKey(signer.verifierKey);
  const text = 'ledger.example/acme\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';

  it('opens the note Go signs in its documentation', () => {
    expect(openNote(GO_EXAMPLE_NOTE, [parseVerifierKey(GO_EXAMPLE_VERIFIER_KEY)])).toBe(GO_EXAMPLE_TEXT);
  });

  it('signs that note byte for byte as Go does, from the same key', () => {
    const goKey = createPrivateKey({
      key: Buffer.from(`302e020100300506032b657004220420${GO_EXAMPLE_SEED}`, 'hex'),
      format: 'der',
      type: 'pkcs8',
    });
    expect(signNote(GO_EXAMPLE_TEXT, createNoteSigner('PeterNeumann', goKey))).toBe(GO_EXAMPLE_NOTE);
  });

  it('round-trips text, a blank line and one signature line', () => {
    const note = signNote(text, signer);
    expect(note).toMatch(/^ledger\.example\/acme\n42\n[^\n]+\n\n— ledger\.example\/acme [A-Za-z0-9+/]{91}=\n$/);
    expect(openNote(note, [verifier])).toBe(text);
  });

  it('keeps blank lines inside the text', () => {
    const poem = 'first stanza\n\nsecond stanza\n\n';
    expect(openNote(signNote(poem, signer), [verifier])).toBe(poem);
  });

  it('fails with a key it does not know', () => {
    const stranger = parseVerifierKey(newSigner('ledger.example/acme').verifierKey);
    expect(() => openNote(signNote(text, signer), [stranger])).toThrow(code('NOTE.UNKNOWN_KEY'));
    expect(() => openNote(signNote(text, signer), [])).toThrow(/signed by ledger\.example\/acme\+[0-9a-f]{8}/);
  });

  it('fails when a known key hash comes with another key', () => {
    const impostor: NoteVerifier = { ...parseVerifierKey(newSigner('x').verifierKey), name: signer.name, keyHash: signer.keyHash };
    expect(() => openNote(signNote(text, signer), [impostor])).toThrow(code('NOTE.BAD_SIGNATURE'));
  });

  it('fails when the body is modified', () => {
    const note = signNote(text, signer).replace('\n42\n', '\n43\n');
    expect(() => openNote(note, [verifier])).toThrow(code('NOTE.BAD_SIGNATURE'));
  });

  it('fails when the signature is modified', () => {
    const note = signNote(text, signer);
    const [line] = note.slice(text.length + 1).split('\n');
    const signature = Buffer.from(line.split(' ')[2], 'base64');
    signature[20] ^= 0x01;
    const tampered = `${text}\n— ${signer.name} ${signature.toString('base64')}\n`;
    expect(() => openNote(tampered, [verifier])).toThrow(code('NOTE.BAD_SIGNATURE'));
  });

  it('ignores signatures by unknown keys beside a verified one', () => {
    const signatureLine = (note: string) => note.slice(text.length + 1);
    const ours = signatureLine(signNote(text, signer));
    const witness = signatureLine(signNote(text, newSigner('witness.example')));
    expect(openNote(`${text}\n${ours}${witness}`, [verifier])).toBe(text);
    expect(openNote(`${text}\n${witness}${ours}`, [verifier])).toBe(text);
  });

  it('refuses to sign text that is not a note text', () => {
    expect(() => signNote('no final newline', signer)).toThrow(code('NOTE.MALFORMED'));
    expect(() => signNote('carriage\r\nreturn\n', signer)).toThrow(code('NOTE.MALFORMED'));
  });

  describe('rejects a malformed note', () => {
    const note = signNote(text, signer);
    const [, name, signature] = note.slice(text.length + 1, -1).split(' ');
    const tooMany = `${text}\n${`— ${name} ${signature}\n`.repeat(101)}`;

    it.each([
      ['without a blank line', note.replace('\n\n', '\n')],
      ['without a final newline', note.slice(0, -1)],
      ['with nothing after the blank line', `${text}\n`],
      ['with a hyphen for the em dash', note.replace('—', '-')],
      ['with a second space in the signature line', note.replace(`${name} `, `${name}  `)],
      ['with non-canonical base64', note.replace(`${signature}\n`, `${signature.slice(0, -1)}\n`)],
      ['with a signature of only a key hash', note.replace(signature, 'AAAAAA==')],
      ['with a carriage return', note.replace('42\n', '42\r\n')],
      ['with an unpaired surrogate', note.replace('42', '4\ud8002')],
      ['with 101 signatures', tooMany],
    ])('%s', (_case, malformed) => {
      expect(() => openNote(malformed, [verifier])).toThrow(code('NOTE.MALFORMED'));
    });

    it('but accepts 100 signatures', () => {
      expect(openNote(`${text}\n${`— ${name} ${signature}\n`.repeat(100)}`, [verifier])).toBe(text);
    });
  });
});
