import { generateKeyPairSync } from 'node:crypto';
import { hashLeaf } from '../merkle/hashing';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { createNoteSigner, parseVerifierKey } from './note-keys';
import { openNote, signNote } from './signed-note';

const malformed = expect.objectContaining({ code: 'CHECKPOINT.MALFORMED' });

describe('tlog checkpoints', () => {
  const rootHash = hashLeaf(Buffer.from('root'));

  it('formats origin, tree size and base64 root, one per line', () => {
    expect(formatCheckpoint({ origin: 'ledger.example/acme', treeSize: 42, rootHash })).toBe(
      `ledger.example/acme\n42\n${rootHash.toString('base64')}\n`,
    );
  });

  it('parses the example of c2sp.org/tlog-checkpoint', () => {
    const checkpoint = parseCheckpoint('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', treeSize: 20852163 });
    expect(checkpoint.rootHash.toString('base64')).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=');
  });

  it('round-trips through a signed note', () => {
    const signer = createNoteSigner('ledger.example/acme', generateKeyPairSync('ed25519').privateKey);
    const note = signNote(formatCheckpoint({ origin: 'ledger.example/acme', treeSize: 0, rootHash }), signer);
    const checkpoint = parseCheckpoint(openNote(note, [parseVerifierKey(signer.verifierKey)]));
    expect(checkpoint).toMatchObject({ origin: 'ledger.example/acme', treeSize: 0 });
    expect(checkpoint.rootHash.equals(rootHash)).toBe(true);
  });

  const root = rootHash.toString('base64');
  it.each([
    ['no final newline', `o\n1\n${root}`],
    ['an empty origin', `\n1\n${root}\n`],
    ['a missing root', 'o\n1\n'],
    ['an extension line', `o\n1\n${root}\nextension\n`],
    ['a leading zero', `o\n01\n${root}\n`],
    ['a sign', `o\n+1\n${root}\n`],
    ['a negative size', `o\n-1\n${root}\n`],
    ['a size beyond 2^53', `o\n9007199254740993\n${root}\n`],
    ['a size in exponent notation', `o\n1e3\n${root}\n`],
    ['a 31-byte root', `o\n1\n${rootHash.subarray(1).toString('base64')}\n`],
    ['an unpadded root', `o\n1\n${root.replace('=', '')}\n`],
    ['a control character in the origin', `o\u0007\n1\n${root}\n`],
  ])('rejects a body with %s', (_case, body) => {
    expect(() => parseCheckpoint(body)).toThrow(malformed);
  });

  it.each([
    ['an empty origin', { origin: '', treeSize: 1, rootHash }],
    ['a multi-line origin', { origin: 'a\nb', treeSize: 1, rootHash }],
    ['a fractional size', { origin: 'o', treeSize: 1.5, rootHash }],
    ['a short root', { origin: 'o', treeSize: 1, rootHash: rootHash.subarray(1) }],
  ])('refuses to format %s', (_case, checkpoint) => {
    expect(() => formatCheckpoint(checkpoint)).toThrow(malformed);
  });
});
