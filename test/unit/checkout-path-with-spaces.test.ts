import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

// A teacher's Windows user name has spaces and accents ("Ana María"), and so has the checkout under it. The scripts
// took their folder from the module URL's path, still percent-encoded ("Ana%20Mar%C3%ADa"; on Windows "/C:/…"):
// every path built from it named a folder that does not exist, and the build wrote nothing.
test('the compiled aula command builds from a checkout whose path has spaces and accents', () => {
  const checkout = path.join(tempDir(), 'Ana María', 'aula');
  fs.mkdirSync(checkout, { recursive: true });
  for (const part of ['scripts', 'server']) fs.cpSync(path.join(ROOT, part), path.join(checkout, part), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(checkout, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'junction');

  const output = execFileSync(process.execPath, [path.join(checkout, 'scripts', 'build-cli.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  assert.match(output, /Built dist\/cli\/aula\.js/);
  assert.ok(fs.existsSync(path.join(checkout, 'dist', 'cli', 'aula.js')), 'the bundle is in the checkout');
  assert.ok(fs.existsSync(path.join(checkout, 'dist', 'cli', 'worker-entry.js')), 'and the ingest writer thread beside it');
});
