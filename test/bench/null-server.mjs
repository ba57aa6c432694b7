// The ceiling for `npm run bench`: a plain Node HTTP server that reads the body, JSON-parses it and answers like
// track. Whatever Aula does beyond this (validation, augmentation, durable storage, counters) is the cost measured.
import http from 'node:http';

const SUCCESS = '{"message":"Success."}';
const START = JSON.stringify({
  authToken: 'nulltoken',
  actor: { account: { homePage: 'http://null/', name: 'Anonymous' }, name: 'null-null-null' },
  playerAnimalName: 'null-null-null',
  playerId: 'null',
  objectId: 'http://null/api/proxy/gleaner/games/g/v',
  session: 1,
  firstSessionStarted: new Date().toISOString(),
  currentSessionStarted: new Date().toISOString(),
});

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let status = 200;
    try {
      if (text) JSON.parse(text);
    } catch {
      status = 400;
    }
    const body = req.url.includes('/start/') ? START : SUCCESS;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`Dashboard: http://127.0.0.1:${server.address().port}/\n`));
process.on('SIGTERM', () => process.exit(0));
