import type { KeyHolder } from './tenant-registry';

/** Enough for every key of many tenants; past it the cache starts over rather than grow. */
const MAX_KEYS = 10_000;
/**
 * A bound on how long a verified key is trusted, should a revocation notice ever be lost without
 * the listening connection reporting an error (a half-open TCP connection, say).
 */
const MAX_AGE_MS = 60_000;

/**
 * Keys recently verified against the database, by hash, so that a request need not SELECT its
 * key (API.md: a revoked key "stops working at once", so a revocation must empty this at once):
 *
 * - the registry that revokes a key forgets every verified key before it answers;
 * - other processes sharing the database learn of it through a notice (KeyRevocationListener),
 *   and trust nothing cached while they cannot listen (`suspend`, until `resume`).
 *
 * A lookup that raced with a revocation must not be remembered: `remember` takes the epoch read
 * before the SELECT, and every forgetting starts a new epoch.
 */
export class VerifiedKeys {
  private readonly holders = new Map<string, { holder: KeyHolder; verifiedAt: number }>();
  private epoch = 0;

  private constructor(
    private trusted: boolean,
    private readonly clock: () => number,
  ) {}

  /** One process has the database to itself (the embedded store): every revocation goes through it. */
  static forSoleProcess(clock: () => number = Date.now): VerifiedKeys {
    return new VerifiedKeys(true, clock);
  }

  /** Processes share the database: nothing is trusted until a listener `resume`s it. */
  static untilListening(clock: () => number = Date.now): VerifiedKeys {
    return new VerifiedKeys(false, clock);
  }

  lookup(keyHash: string): KeyHolder | undefined {
    if (!this.trusted) return undefined;
    const entry = this.holders.get(keyHash);
    if (!entry) return undefined;
    if (this.clock() - entry.verifiedAt < MAX_AGE_MS) return entry.holder;
    this.holders.delete(keyHash);
    return undefined;
  }

  /** Read before verifying a key in the database; hand it to `remember`. */
  currentEpoch(): number {
    return this.epoch;
  }

  remember(keyHash: string, holder: KeyHolder, epochBeforeLookup: number): void {
    if (!this.trusted || epochBeforeLookup !== this.epoch) return;
    if (this.holders.size >= MAX_KEYS) this.holders.clear();
    this.holders.set(keyHash, { holder, verifiedAt: this.clock() });
  }

  /** A key was revoked somewhere: revocations are rare, so forget them all. */
  forgetAll(): void {
    this.epoch++;
    this.holders.clear();
  }

  /** Revocations may go unnoticed (the listening connection is down): verify every key. */
  suspend(): void {
    this.trusted = false;
    this.forgetAll();
  }

  /** Listening again: what is verified from now on stays trustworthy. */
  resume(): void {
    this.forgetAll();
    this.trusted = true;
  }
}
