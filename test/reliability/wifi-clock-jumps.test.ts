import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestCollector } from '../support/collector.js';
import { openStream, type SseMessage } from '../support/event-stream.js';
import { postJson } from '../support/http.js';
import { startOk } from '../support/rage.js';
import { storedWithTag, taggedBatch } from '../support/track-batches.js';

const HOUR_MS = 60 * 60_000;

const storedIn = (messages: SseMessage[]) =>
  messages.filter((message) => message.event === 'changes').reduce((sum, message) => sum + ((message.data.statements as number | undefined) ?? 0), 0);

describe("the laptop's clock jumps during a class", () => {
  it('set back an hour (by hand, or by NTP once a network is there): Live keeps hearing of every batch at once', { timeout: 30_000 }, async () => {
    let offset = 0;
    const collector = await startTestCollector({ now: () => Date.now() + offset });
    const { activity } = (await postJson(`${collector.url}/admin/api/activities`, { name: 'clock' })).json as {
      activity: { id: string; trackingCode: string };
    };
    const stream = await openStream(`${collector.url}/admin/api/events`);
    try {
      await stream.until((messages) => messages.length > 0);
      const game = await startOk(collector.url, activity.trackingCode);
      const send = async (tag: string) => {
        const batch = taggedBatch(game, tag, 600);
        const answer = await fetch(`${collector.url}/api/collector/track`, {
          method: 'POST',
          headers: { Authorization: game.authToken, 'Content-Type': 'application/json' },
          body: batch.body,
        });
        assert.equal(answer.status, 200);
        return batch.count;
      };
      const before = await send('before-jump');
      await stream.until((messages) => storedIn(messages) >= before);

      // The clock goes back an hour; the games carry on sending.
      offset = -HOUR_MS;
      const after = await send('after-jump');
      // Before, the next change waited for the wall clock to pass the last one's time again: an hour with Live frozen.
      await stream.until((messages) => storedIn(messages) >= before + after);
      assert.equal(storedWithTag(collector, 'after-jump'), after);
    } finally {
      stream.close();
      await collector.close();
    }
  });
});
