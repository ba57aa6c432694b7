'use strict';
// Sends one track request of the given size through `request` 2.87, the HTTP client js-tracker 0.9.2 sends with (it
// writes the whole body before it reads the answer), and prints what the game's tracker gets back as one JSON line.
// Usage: node drive-oversized.cjs <trackUrl> <authToken> <megabytes>
const request = require('request');

const [url, authToken, megabytes] = process.argv.slice(2);
const statement = JSON.stringify({ actor: { name: 'x' }, pad: 'x'.repeat(1000) });
const count = Math.ceil((Number(megabytes) * 1024 * 1024) / statement.length);
const body = `[${Array.from({ length: count }, () => statement).join(',')}]`;
request({ uri: url, method: 'POST', body, headers: { Authorization: authToken, 'Content-Type': 'application/json' } }, (error, response, text) => {
  const result = error ? { error: error.code ?? String(error) } : { status: response.statusCode, body: text };
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
});
