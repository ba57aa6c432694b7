// The yardstick issue 8 names: a group-commit prototype of about sixty lines. It parses each batch, serialises every
// statement again and inserts it into a table with no index, and commits everything that arrived meanwhile in one
// fsynced transaction, all on the event loop; then it answers like track. No validation, augmentation, counters,
// results or rules: what `npm run bench` shows between it and Aula is what those cost (with the writer's thread).
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const db = new Database(`${process.argv[2]}/prototype.db`);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS statements (seq INTEGER PRIMARY KEY, session TEXT, json TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO statements (session, json) VALUES (?, ?)');
const begin = db.prepare('BEGIN');
const commit = db.prepare('COMMIT');
const SUCCESS = '{"message":"Success."}';

let waiting = [];
let scheduled = false;

function commitWaiting() {
  scheduled = false;
  const group = waiting;
  waiting = [];
  begin.run();
  for (const { session, statements } of group) for (const statement of statements) insert.run(session, JSON.stringify(statement));
  commit.run();
  for (const { res } of group) answer(res, 200, SUCCESS);
}

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

let players = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.url.includes('/start/')) {
      players++;
      const actor = { account: { homePage: 'http://prototype/', name: 'Anonymous' }, name: `player-${players}` };
      return answer(res, 200, JSON.stringify({ authToken: `token-${players}`, actor, objectId: 'http://prototype/games/g/v' }));
    }
    let statements;
    try {
      statements = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, '{"message":"Bad JSON."}');
    }
    if (!Array.isArray(statements)) return answer(res, 400, '{"message":"Not an array."}');
    waiting.push({ session: req.headers.authorization ?? null, statements, res });
    if (!scheduled) {
      scheduled = true;
      setImmediate(commitWaiting);
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`Dashboard: http://127.0.0.1:${server.address().port}/\n`));
process.on('SIGTERM', () => process.exit(0));
