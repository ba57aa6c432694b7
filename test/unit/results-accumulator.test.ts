import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultsAccumulator } from '../../server/results/results-accumulator.js';
import { statementFact } from '../../server/rules/rule-facts.js';

const game = 'http://aula.test/games/g/v';
const statement = (verb: string, object: string, type: string, result?: unknown) =>
  statementFact({
    verb: { id: `https://w3id.org/xapi/seriousgames/verbs/${verb}` },
    object: { id: `${game}/${object}`, definition: { type: `https://w3id.org/xapi/seriousgames/activity-types/${type}` } },
    ...(result ? { result } : {}),
  });

test('only objects with a result go to the writer: a screen seen or an item used is not written', () => {
  const accumulator = new ResultsAccumulator();
  accumulator.add('a1', 'p1', statement('accessed', 'screen/menu', 'screen'));
  accumulator.add('a1', 'p1', statement('used', 'item/door', 'item'));
  accumulator.add('a1', 'p1', statement('progressed', 'level/1', 'level', { extensions: { 'https://w3id.org/xapi/seriousgames/extensions/progress': 0.5 } }));
  accumulator.add('a1', 'p1', statement('accessed', 'level/2', 'level'));
  accumulator.add('a1', 'p1', statement('completed', 'level/2', 'level'));
  const { results } = accumulator.take();
  assert.deepEqual(
    results.map((result) => [result.objectId.slice(game.length + 1), result.completed, result.progress]),
    [
      ['level/1', 0, 0.5],
      ['level/2', 1, null],
    ],
  );
  assert.ok(accumulator.isEmpty, 'what was seen only is dropped with the rest');
});
