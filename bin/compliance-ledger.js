#!/usr/bin/env node
// The CLI runs from the build (npm install builds it; so does npm run build).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('compliance-ledger: the build is missing; run "npm run build" first\n');
  process.exit(1);
}
require(entry).main(process.argv);
