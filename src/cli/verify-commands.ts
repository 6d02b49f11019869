import { Command, InvalidArgumentError } from 'commander';
import * as fs from 'node:fs';
import { loadConfig } from '../config/ledger-config';
import { verifyCheckpointGrowth } from '../proofs/checkpoint-growth';
import { Checkpoints } from '../proofs/checkpoints';
import { BundleVerdict, verifyEvidenceBundle } from '../proofs/evidence/bundle-verifier';
import { LogSigner } from '../proofs/log-signer';
import { LogVerification } from '../proofs/log-verification';
import { KeyMaterial } from '../security/key-material';
import { LedgerDatabase } from '../store/ledger-database';
import { TenantRegistry } from '../tenants/tenant-registry';
import { CliError } from './cli-error';

/**
 * `verify` and `verify-consistency` are the auditor's: offline, from files alone — they read no
 * configuration and open no store. `verify-log` is the operator's: it checks the store itself.
 * Each exits 0 only when everything holds.
 */
export function registerVerifyCommands(program: Command): void {
  program
    .command('verify')
    .description(
      'Check an evidence bundle offline: leaf hashes, inclusion proofs, the checkpoint signature and origin, the prevSubjectSequence chain, ' +
        'personal data against its commitments, canonical bytes and the statement',
    )
    .argument('<bundle>', 'the file GET /v1/customers/{id}/evidence served, byte for byte (a trailing newline is tolerated)')
    .option('--key <file>', "the verifier key, obtained independently (GET /v1/ledger/verifier-key); without it the bundle's own key is used")
    .action((bundleFile: string, options: { key?: string }) => {
      const trustedKey = options.key === undefined ? undefined : readText(options.key).trim();
      const verdict = verifyEvidenceBundle(readFile(bundleFile), { trustedKey });
      say(describeBundleVerdict(bundleFile, verdict));
      if (!verdict.ok) process.exitCode = 1;
    });

  program
    .command('verify-consistency')
    .description('Check offline that a log only grew from an older checkpoint to a newer one')
    .argument('<older-checkpoint>', 'a checkpoint kept earlier (GET /v1/ledger/checkpoint)')
    .argument('<newer-checkpoint>', 'a later checkpoint of the same log')
    .requiredOption('--proof <file>', 'GET /v1/ledger/proof/consistency?from=<older size>&to=<newer size>, as served')
    .requiredOption('--key <file>', 'the verifier key, obtained independently (GET /v1/ledger/verifier-key)')
    .action((olderFile: string, newerFile: string, options: { proof: string; key: string }) => {
      const verdict = verifyCheckpointGrowth({
        olderCheckpoint: readText(olderFile),
        newerCheckpoint: readText(newerFile),
        consistencyProof: parseJsonOrUndefined(readText(options.proof)),
        verifierKey: readText(options.key).trim(),
      });
      if (verdict.key) say(`key         ${verdict.key.name}, SHA-256 fingerprint ${verdict.key.fingerprint}\n`);
      if (verdict.ok) {
        say(`VERIFIED: the log at tree size ${verdict.to} extends the log at tree size ${verdict.from}; its first ${verdict.from} entries are unchanged.`);
      } else {
        say(failureList(verdict.failures));
        process.exitCode = 1;
      }
    });

  program
    .command('verify-log')
    .description("Recompute a tenant's log from the store, as GET /v1/ledger/verify does; uses the service's environment (LEDGER_DATA_DIR or DATABASE_URL, LEDGER_SIGNING_KEY)")
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--from <sequence>', 'first sequence whose leaf is recomputed (default 0)', parseSequence)
    .option('--to <sequence>', 'sequence after the last recomputed leaf (default: the current tree size)', parseSequence)
    .action(async ({ tenant, from, to }: { tenant: string; from?: number; to?: number }) => {
      const config = loadConfig();
      const database = await LedgerDatabase.open(config);
      try {
        if (!(await new TenantRegistry(database).findTenant(tenant))) throw new CliError(`No tenant ${tenant}`);
        const signer = new LogSigner(config, KeyMaterial.load(config));
        const report = await new LogVerification(database, new Checkpoints(database, signer), signer).verify(tenant, { from, to });
        say(JSON.stringify(report, null, 2));
        if (!report.ok) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}

function describeBundleVerdict(file: string, verdict: BundleVerdict): string {
  const lines = [`evidence bundle ${file}`];
  const { bundle, checkpoint, key } = verdict;
  if (bundle) {
    lines.push(
      `customer    ${bundle.customerId} of tenant ${bundle.tenant}: ${bundle.entryCount} entries, ${bundle.disclosedPiiCount} with personal data disclosed; generated ${bundle.generatedAt}`,
    );
  }
  if (checkpoint) lines.push(`checkpoint  tree size ${checkpoint.treeSize} of ${checkpoint.origin}, root ${checkpoint.rootHash}`);
  if (key) lines.push(`key         ${key.name}, SHA-256 fingerprint ${key.fingerprint} (${key.source === 'given' ? 'given with --key' : 'taken from the bundle itself'})`);
  lines.push('');
  if (!verdict.ok) {
    lines.push(failureList(verdict.failures));
  } else if (key?.source === 'given') {
    lines.push(`VERIFIED: every entry is in the log this key signed at tree size ${checkpoint!.treeSize}, unaltered, with no earlier entry of the customer missing.`);
  } else {
    lines.push(
      "VERIFIED against the bundle's own key. This proves integrity only if that key was obtained independently: compare its fingerprint " +
        'with one you obtained yourself (from the dealer, or GET /v1/ledger/verifier-key over a channel you trust), or run again with --key <file>.',
    );
  }
  return lines.join('\n');
}

function failureList(failures: string[]): string {
  return [`NOT VERIFIED: ${failures.length === 1 ? '1 failure' : `${failures.length} failures`}`, ...failures.map((failure) => `  - ${failure}`)].join('\n');
}

function parseSequence(value: string): number {
  const sequence = Number(value);
  if (!/^(?:0|[1-9][0-9]*)$/.test(value) || !Number.isSafeInteger(sequence)) throw new InvalidArgumentError('must be a non-negative integer');
  return sequence;
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readText(file: string): string {
  return readFile(file).toString('utf8');
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}
