import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packBatch, unpackBatch } from '../../server/store/ingest-worker/batch-wire.js';
import type { IngestBatch } from '../../server/store/statements-ingest.js';
import { sessionContext } from '../support/fixtures.js';

test('a batch crosses to the writer thread unchanged, every field of every statement in its place', () => {
  const batch: IngestBatch = {
    session: { sessionId: 7, activityId: 'a1', playerId: 'p1' },
    bodyHash: 'hash',
    source: 'rage',
    statements: [
      {
        json: '{"verb":{"id":"v"}}', clientId: 'c1', canonical: '{"verb":{"id":"v"}}', registration: 'r1', timestamp: 't1',
        summary: {
          verbId: 'v', objectId: 'o', objectType: 't', progress: 0.5, progressOfGame: true, completion: true, success: false, score: 3,
          resultObjectId: 'o', resultObjectType: 't', resultOfGame: true,
        },
      },
      {
        // Empty is not null; text beyond ASCII keeps its length in UTF-16 units; numbers keep every bit.
        json: '{"name":"Zoë 🦊"}', clientId: '', canonical: null, registration: null, timestamp: '',
        summary: {
          verbId: 'ñ', objectId: null, objectType: null, progress: 0.1 + 0.2, progressOfGame: false, completion: false, success: null, score: -1.5e-7,
          resultObjectId: '', resultObjectType: null, resultOfGame: false,
        },
      },
      {
        json: '{}', clientId: null, canonical: null, registration: null, timestamp: null,
        summary: {
          verbId: null, objectId: null, objectType: null, progress: null, progressOfGame: false, completion: null, success: null, score: null,
          resultObjectId: null, resultObjectType: null, resultOfGame: false,
        },
      },
    ],
  };
  assert.deepEqual(unpackBatch(structuredClone(packBatch(batch))), batch);
});

test("only what the writer reads of the session crosses: track's whole context stays behind", () => {
  const context = sessionContext({ sessionId: 7, activityId: null, playerId: 'p1' });
  const unpacked = unpackBatch(structuredClone(packBatch({ session: context, bodyHash: null, source: 'rage', statements: [] })));
  assert.deepEqual(unpacked.session, { sessionId: 7, activityId: null, playerId: 'p1' });
});

test("a game's batch (no statement with an id) crosses with what its rows need and its summaries merged", () => {
  const summary = (verbId: string, objectId: string, progress: number | null, progressOfGame: boolean) => ({
    verbId, objectId, objectType: null, progress, progressOfGame, completion: null, success: progress === null ? true : null, score: null,
    resultObjectId: progress === null ? objectId : null, resultObjectType: null, resultOfGame: false,
  });
  const statements = [
    { json: '{"a":1}', clientId: null, canonical: null, registration: 'r1', timestamp: 't1', summary: summary('v1', 'game', 0.4, true) },
    { json: '{"Zoë":"🦊"}', clientId: null, canonical: null, registration: null, timestamp: 't2', summary: summary('v2', 'level1', 0.9, false) },
    { json: '{}', clientId: null, canonical: null, registration: null, timestamp: null, summary: summary('v3', 'door', null, false) },
  ];
  const unpacked = unpackBatch(structuredClone(packBatch({ session: { sessionId: 7, activityId: 'a1', playerId: 'p1' }, bodyHash: 'h', source: 'rage', statements })));
  assert.deepEqual(
    unpacked.statements.map(({ json, registration, timestamp, summary: { verbId, objectId } }) => ({ json, registration, timestamp, verbId, objectId })),
    statements.map(({ json, registration, timestamp, summary: { verbId, objectId } }) => ({ json, registration, timestamp, verbId, objectId })),
  );
  // The game's progress stays the session's over a level's that came after it; the last fact of each kind wins.
  assert.deepEqual(unpacked.summary, {
    verbId: 'v3', objectId: 'door', objectType: null, progress: 0.4, progressOfGame: true, completion: null, success: true, score: null,
    resultObjectId: 'door', resultObjectType: null, resultOfGame: false,
  });
  assert.deepEqual({ ...unpacked, statements: [], summary: undefined }, { session: { sessionId: 7, activityId: 'a1', playerId: 'p1' }, bodyHash: 'h', source: 'rage', statements: [], summary: undefined });
});
