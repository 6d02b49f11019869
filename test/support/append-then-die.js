// Appends events one at a time, prints the acknowledged sequences, then dies by SIGKILL without
// closing anything: what was acknowledged must still be there for the next process.
const { randomUUID } = require('node:crypto');
const { loadConfig } = require('../../dist/src/config/ledger-config');
const { LedgerDatabase } = require('../../dist/src/store/ledger-database');
const { KeyMaterial } = require('../../dist/src/security/key-material');
const { TenantLog } = require('../../dist/src/ledger/tenant-log');

async function main() {
  const tenantId = process.argv[2];
  const config = loadConfig(process.env);
  const database = await LedgerDatabase.open(config);
  const log = new TenantLog(database, KeyMaterial.load(config));
  const acknowledged = [];
  for (let index = 0; index < 20; index++) {
    const event = { id: randomUUID(), source: 'urn:crm:child', type: 'customer.registered', subject: `c-${index}`, time: '2026-01-01T00:00:00.000Z', data: { actor: { type: 'crm-system', id: 'crm' } } };
    const outcome = await log.append(tenantId, { keyId: 'key_child', role: 'emitter', label: 'child' }, [event]);
    if (!outcome.ok) throw new Error(outcome.problem.detail);
    acknowledged.push(outcome.events[0].sequence);
  }
  process.stdout.write(`${JSON.stringify(acknowledged)}\n`, () => process.kill(process.pid, 'SIGKILL'));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
