import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { distinctNames } from '../../renderer/src/format/object-names.js';
import { newsSentence } from '../../renderer/src/screens/live-news.js';

const JS = 'http://aula.test/api/proxy/gleaner/games/g1/v1';

describe('distinctNames: objects that share a last name are told apart', () => {
  test('a name alone stays as it is', () => {
    const names = distinctNames([
      { objectId: `${JS}/level/level1`, name: 'level1' },
      { objectId: `${JS}/level/level2`, name: 'level2' },
    ]);
    assert.deepEqual([...names.values()], ['level1', 'level2']);
  });

  test("a js game's level1 and an xAPI game's: by their web site", () => {
    const names = distinctNames([
      { objectId: `${JS}/level/level1`, name: 'level1' },
      { objectId: 'http://example.com/game/level1', name: 'level1' },
    ]);
    assert.equal(names.get(`${JS}/level/level1`), 'level1 (aula.test)');
    assert.equal(names.get('http://example.com/game/level1'), 'level1 (example.com)');
  });

  test('on one site: by the part of the path before the name, as short as tells them apart', () => {
    const names = distinctNames([
      { objectId: `${JS}/level/level1`, name: 'level1' },
      { objectId: `${JS}/question/level1`, name: 'level1' },
      { objectId: 'http://aula.test/api/proxy/gleaner/games/g1/v2/level/level1', name: 'level1' },
    ]);
    assert.deepEqual([...names.values()], ['level1 (…/v1/level)', 'level1 (…/v1/question)', 'level1 (…/v2/level)']);
  });

  test('ids that are not web addresses, and the same id twice', () => {
    const names = distinctNames([
      { objectId: 'game/level1', name: 'level1' },
      { objectId: 'other/level1', name: 'level1' },
      { objectId: 'game/level1', name: 'level1' },
    ]);
    assert.deepEqual([...names.entries()], [
      ['game/level1', 'level1 (…/game)'],
      ['other/level1', 'level1 (…/other)'],
    ]);
  });
});

describe('newsSentence: what Live says by itself', () => {
  test('one game, several, many', () => {
    assert.equal(newsSentence(['ana'], []), 'New session: ana.');
    assert.equal(newsSentence(['ana', 'ben'], []), '2 new sessions: ana, ben.');
    assert.equal(newsSentence(['a', 'b', 'c', 'd', 'e', 'f', 'g'], []), '7 new sessions: a, b, c, d, e and 2 more.');
  });

  test('idle students, alone and with new games', () => {
    assert.equal(newsSentence([], ['ben']), 'Idle now: ben.');
    assert.equal(newsSentence(['ana'], ['ben', 'carla']), 'New session: ana. 2 sessions idle now: ben, carla.');
    assert.equal(newsSentence([], []), '');
  });
});
