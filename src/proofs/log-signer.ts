import { createNoteSigner, formatCheckpoint, NoteSigner, signNote } from '../integrity';
import { LedgerConfig } from '../config/ledger-config';
import { KeyMaterial } from '../security/key-material';

/**
 * Signs each tenant's checkpoints. One Ed25519 key serves every tenant; the key name
 * `<LEDGER_ORIGIN>/<tenant>` (also the checkpoint's origin line) keeps one tenant's notes from
 * passing for another's.
 */
export class LogSigner {
  private readonly signers = new Map<string, NoteSigner>();

  constructor(
    private readonly config: Pick<LedgerConfig, 'origin'>,
    private readonly keys: KeyMaterial,
  ) {}

  logName(tenantId: string): string {
    return `${this.config.origin}/${tenantId}`;
  }

  verifierKey(tenantId: string): string {
    return this.signerFor(tenantId).verifierKey;
  }

  signCheckpoint(tenantId: string, treeSize: number, rootHash: Buffer): string {
    return signNote(formatCheckpoint({ origin: this.logName(tenantId), treeSize, rootHash }), this.signerFor(tenantId));
  }

  private signerFor(tenantId: string): NoteSigner {
    let signer = this.signers.get(tenantId);
    if (!signer) {
      signer = createNoteSigner(this.logName(tenantId), this.keys.signingKey);
      this.signers.set(tenantId, signer);
    }
    return signer;
  }
}
