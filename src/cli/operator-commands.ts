import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Command } from 'commander';
import { loadConfig } from '../config/ledger-config';
import { LedgerDatabase } from '../store/ledger-database';
import { TenantRegistry } from '../tenants/tenant-registry';
import { CreateKeyRequest, CreateTenantRequest } from '../tenants/tenants.request.dto';
import { CliError } from './cli-error';

/** Operator commands work on the store directly: the embedded one only while no server holds it. */
export function registerTenantCommands(program: Command): void {
  const tenants = program.command('tenants').description('Manage tenants');
  tenants
    .command('create')
    .description('Create a tenant')
    .requiredOption('--id <id>', 'tenant id: 3 to 64 of a-z, 0-9 and "-"')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2 country, e.g. CA')
    .option('--region <code>', 'ISO 3166-2 subdivision without the country prefix, e.g. ON')
    .requiredOption('--timezone <zone>', 'IANA time zone, e.g. America/Toronto')
    .action((options) => withRegistry(async (registry) => print(await registry.createTenant(validated(CreateTenantRequest, options)))));
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description("Manage a tenant's API keys");
  keys
    .command('create')
    .description('Create a key; it is printed once and stored only as a hash')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--role <role>', 'emitter, auditor or admin')
    .requiredOption('--label <label>', 'what the key is for, e.g. "VinSolutions feed"')
    .action(({ tenant, role, label }) =>
      withRegistry(async (registry) => {
        const request = validated(CreateKeyRequest, { role, label });
        await requireTenant(registry, tenant);
        const { revokedAt, ...created } = await registry.createKey(tenant, request.role, request.label);
        print(created);
      }),
    );
  keys
    .command('list')
    .description("List a tenant's keys (never the keys themselves)")
    .requiredOption('--tenant <id>', 'tenant id')
    .action(({ tenant }) =>
      withRegistry(async (registry) => {
        await requireTenant(registry, tenant);
        print(await registry.listKeys(tenant));
      }),
    );
  keys
    .command('revoke')
    .description('Revoke a key; it stops working at once')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--key <keyId>', 'key id (from keys list)')
    .action(({ tenant, key }) =>
      withRegistry(async (registry) => {
        if (!(await registry.revokeKey(tenant, key))) throw new CliError(`No key ${key} for tenant ${tenant}`);
        print({ revoked: key });
      }),
    );
}

async function withRegistry(work: (registry: TenantRegistry) => Promise<void>): Promise<void> {
  const database = await LedgerDatabase.open(loadConfig());
  try {
    await work(new TenantRegistry(database));
  } finally {
    await database.close();
  }
}

async function requireTenant(registry: TenantRegistry, tenantId: string): Promise<void> {
  if (!(await registry.findTenant(tenantId))) throw new CliError(`No tenant ${tenantId}`);
}

function validated<T extends object>(type: new () => T, input: Record<string, unknown>): T {
  const request = plainToInstance(type, input);
  const errors = validateSync(request, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new CliError(errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; '));
  return request;
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
