import { Logger } from '@nestjs/common';
import { createHash, createPrivateKey, generateKeyPairSync, hkdfSync, KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LedgerConfig } from '../config/ledger-config';

/**
 * The service's secrets: the root (operator) key, the master key that wraps customers' data
 * keys, and the Ed25519 key that signs checkpoints. Each comes from the environment or, on first start, is generated into the data folder
 * (mode 0600). The log names the file, never the secret.
 */
export class KeyMaterial {
  private readonly rootKeyHash: Buffer;

  private constructor(
    rootKey: string,
    readonly masterKey: Buffer,
    readonly signingKey: KeyObject,
  ) {
    this.rootKeyHash = hashApiKey(rootKey);
  }

  static load(config: LedgerConfig, logger = new Logger('KeyMaterial')): KeyMaterial {
    const rootKey = config.rootKey ?? readOrGenerate(config, 'root.key', () => `clroot_${randomBytes(32).toString('base64url')}`, logger);
    const masterKeyText = config.masterKey ?? readOrGenerate(config, 'master.key', () => randomBytes(32).toString('base64'), logger);
    const masterKey = Buffer.from(masterKeyText, 'base64');
    if (masterKey.length !== 32) throw new Error('LEDGER_MASTER_KEY must be 32 bytes, base64-encoded');
    const signingKeyPem = config.signingKey ?? readOrGenerate(config, 'signing.key', generateSigningKey, logger);
    const signingKey = createPrivateKey(signingKeyPem);
    if (signingKey.asymmetricKeyType !== 'ed25519') throw new Error('LEDGER_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
    return new KeyMaterial(rootKey, masterKey, signingKey);
  }

  isRootKey(presented: string): boolean {
    return timingSafeEqual(hashApiKey(presented), this.rootKeyHash);
  }

  /** Independent keys for independent uses, so no single derived key serves two purposes. */
  derive(purpose: 'idempotency-fingerprint' | 'data-key-wrapping'): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), `compliance-ledger/${purpose}`, 32));
  }
}

/** API keys carry 256 bits of randomness, so one SHA-256 is enough to store them safely. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

function generateSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
}

function readOrGenerate(config: LedgerConfig, fileName: string, generate: () => string, logger: Logger): string {
  const file = path.join(config.dataDir, fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  const note = config.store === 'postgres' ? ' — set it explicitly when several instances share this database' : '';
  logger.warn(`Generated ${fileName} into ${file}${note}`);
  return fs.readFileSync(file, 'utf8').trim();
}
