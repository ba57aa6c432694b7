import assert from 'node:assert/strict';
import { test } from 'node:test';
import { objectIdFor } from '../../server/collector/object-id.js';
import { asIri, asObjectIri } from '../../server/normalize/iri.js';
import { objectIdsServedAs, verbIdsServedAs } from '../../server/xapi/served-iri-preimages.js';

const home = 'http://aula.local:3000/';
const ns = 'http://aula.local:3000/xapi';
const versions = [
  { gameId: 'g1', versionId: 'v1', versionLink: null },
  { gameId: 'g2', versionId: 'v2', versionLink: 'https://games.example.com/maths?' },
];
// What trackers have been seen to send (real-clients.md): IRIs, short names, spaces, relative ids, literal escapes.
const ids = [
  'https://w3id.org/xapi/seriousgames/verbs/accessed',
  'initialized',
  'http://example.com/a b/c',
  'http://example.com/already%20encoded',
  'http://example.com/a b%20c',
  'screen/main menu',
  '/screen/menu',
  '///screen/menu',
  'level 1',
  'http://example.com/x|y^z',
];

test('every stored verb id is among the ids listed for the IRI it is served as, and only such ids are listed', () => {
  for (const id of ids) {
    const served = asIri(id, ns, 'verbs');
    const listed = verbIdsServedAs(served, ns);
    assert.ok(listed?.includes(id), `${id} served as ${served}`);
    for (const candidate of listed ?? []) assert.equal(asIri(candidate, ns, 'verbs'), served);
  }
});

test('every stored object id (leading slashes aside) is listed for the IRI it is served as, with each version', () => {
  for (const version of versions) {
    const base = objectIdFor(home, { gameId: version.gameId, versionId: version.versionId, link: version.versionLink });
    for (const id of ids) {
      const served = asObjectIri(id, base, ns);
      const listed = objectIdsServedAs(served, home, ns, versions) ?? [];
      assert.ok(listed.includes(id) || listed.includes(id.replace(/^\/+/, '')), `${id} served as ${served}`);
    }
  }
  // An IRI nobody's id is served as lists only itself (a stored id equal to the filter).
  assert.deepEqual(objectIdsServedAs('http://elsewhere.example.com/x', home, ns, versions), ['http://elsewhere.example.com/x']);
});
