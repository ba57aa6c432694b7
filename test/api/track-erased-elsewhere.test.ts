import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erasePlayer } from '../../server/erasure/erase-player.js';
import { openDatabase } from '../../server/store/open-database.js';
import { useTestCollector } from '../support/collector.js';
import { startOk, statementS, track } from '../support/rage.js';
import { xapiEndpoint } from './xapi-support.js';

/**
 * Track keeps the sessions it admitted for a second (track-access-cache.ts). A player erased meanwhile by another
 * process, as `aula player erase` is, must not get anything stored, nor be kept in the list of refused requests.
 */
describe('a player erased by another process while its game is sending', () => {
  const collector = useTestCollector();

  it('gets 401 for its next batch at once, and nothing of it is stored or recorded', async () => {
    const { trackingCode } = xapiEndpoint(collector.current, 'erased elsewhere');
    const started = await startOk(collector.current.url, trackingCode);
    const first = await track(collector.current.url, started.authToken, [statementS(started.actor)]);
    assert.equal(first.status, 200, first.text);

    const cli = openDatabase(collector.current.context.config.dataDir);
    cli.transaction(() => erasePlayer(cli, { player: started.playerId }, 'cli', new Date().toISOString())).immediate();
    cli.close();

    const marker = 'sent-after-the-erasure';
    const late = await track(collector.current.url, started.authToken, [{ ...statementS(started.actor), result: { response: marker } }]);
    assert.equal(late.status, 401, late.text);
    assert.deepEqual(late.json, { message: 'Unknown or missing authToken' });
    const { db } = collector.current.context;
    await collector.current.context.ingest.idle();
    const stored = db.prepare('SELECT count(*) AS n FROM statements WHERE player_id = ?').get(started.playerId) as { n: number };
    assert.equal(stored.n, 0);
    const recorded = db.prepare('SELECT count(*) AS n FROM rejected_requests WHERE sample LIKE ?').get(`%${marker}%`) as { n: number };
    assert.equal(recorded.n, 0);
  });
});
