import canonicalize from 'canonicalize';
import { canonicalJson, canonicalObject } from './canonical-json';
import { leafInput, LeafFields } from './leaf-input';

describe('canonicalObject', () => {
  it('equals the JCS of the whole object, members ordered by UTF-16 code units', () => {
    const object = { b: [1, 'two'], a: { z: null, y: 1e21 }, B: 'upper', é: 'accent', '\u{1F600}': 'astral', '\uFFFF': 'last in BMP', '': 'empty' };
    const members = Object.fromEntries(Object.entries(object).map(([name, value]) => [name, canonicalJson(value)]));

    expect(canonicalObject(members)).toBe(canonicalize(object));
  });
});

describe('leafInput', () => {
  const fields: LeafFields = {
    sequence: 7,
    tenant: 'acme-motors',
    id: 'evt-1',
    source: 'urn:crm:x',
    type: 'consent.granted',
    subject: 'c-1',
    time: '2026-01-02T03:04:05.678Z',
    recordedAt: '2026-01-02T03:04:06.000Z',
    recordedBy: { keyId: 'key_1', role: 'emitter', label: 'CRM «prod»' },
    prevSubjectSequence: null,
    data: { channel: 'email', purpose: 'all', kind: 'express', pii: { commitment: 'abc=' }, note: 'line\nbreak \u2028 "quoted"' },
  };

  it('is the JCS of the entry, with or without its data already canonicalized', () => {
    const whole = canonicalize(fields);

    expect(leafInput(fields)).toBe(whole);
    expect(leafInput(fields, canonicalJson(fields.data))).toBe(whole);
  });
});
