// Checks one HTML email against the Can I Email data (doiuse-email): prints each feature a listed client does
// not support and exits 1 when there is any. Usage: node check.mjs FILE.html CLIENT_GLOB...
// EmailLintTest runs it on the digest that `make run` writes; docs/email.md lists the clients and why.
import { readFileSync } from 'node:fs';
import { doIUseEmail } from '@jsx-email/doiuse-email';

const [file, ...clients] = process.argv.slice(2);
if (!file || clients.length === 0) {
  console.error('usage: node check.mjs FILE.html CLIENT_GLOB...');
  process.exit(2);
}
const result = doIUseEmail(readFileSync(file, 'utf8'), { emailClients: clients });
for (const w of result.warnings) console.log('warning: ' + w);
if (!result.success) {
  for (const e of result.errors) console.log('error: ' + e);
  process.exit(1);
}
console.log('ok: no unsupported feature for ' + clients.join(', '));
