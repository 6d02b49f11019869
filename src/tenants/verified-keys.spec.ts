import { KeyHolder } from './tenant-registry';
import { VerifiedKeys } from './verified-keys';

const holder: KeyHolder = { tenantId: 'lakeside-motors', keyId: 'key_a', role: 'auditor', label: 'Compliance office' };

describe('VerifiedKeys', () => {
  it('answers a remembered key until a revocation forgets every key', () => {
    const keys = VerifiedKeys.forSoleProcess();
    keys.remember('hash-a', holder, keys.currentEpoch());
    expect(keys.lookup('hash-a')).toEqual(holder);

    keys.forgetAll();

    expect(keys.lookup('hash-a')).toBeUndefined();
  });

  it('does not remember a key verified before a revocation that overtook the lookup', () => {
    const keys = VerifiedKeys.forSoleProcess();
    const epochBeforeLookup = keys.currentEpoch();

    keys.forgetAll();
    keys.remember('hash-a', holder, epochBeforeLookup);

    expect(keys.lookup('hash-a')).toBeUndefined();
  });

  it('trusts nothing while revocations may go unnoticed, and only what is verified after listening again', () => {
    const keys = VerifiedKeys.untilListening();
    keys.remember('hash-a', holder, keys.currentEpoch());
    expect(keys.lookup('hash-a')).toBeUndefined();

    const epochBeforeListening = keys.currentEpoch();
    keys.resume();
    keys.remember('hash-a', holder, epochBeforeListening);
    expect(keys.lookup('hash-a')).toBeUndefined();
    keys.remember('hash-a', holder, keys.currentEpoch());
    expect(keys.lookup('hash-a')).toEqual(holder);

    keys.suspend();
    expect(keys.lookup('hash-a')).toBeUndefined();
  });

  it('verifies a key again once its entry is a minute old', () => {
    let now = 0;
    const keys = VerifiedKeys.forSoleProcess(() => now);
    keys.remember('hash-a', holder, keys.currentEpoch());

    now = 59_999;
    expect(keys.lookup('hash-a')).toEqual(holder);
    now = 60_000;
    expect(keys.lookup('hash-a')).toBeUndefined();
  });
});
