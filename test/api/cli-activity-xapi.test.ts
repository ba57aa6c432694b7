import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lanAddresses } from '../../server/net/lan-addresses.js';
import { aula, startServe } from '../support/serve-process.js';
import { tempDir } from '../support/temp-dir.js';

const lan = lanAddresses();

describe('aula activity show: the xAPI endpoint when the home page is not where the collector answers', () => {
  it('the text adds this computer\'s network addresses with aula serve\'s port; the JSON endpoint stays the home page\'s', { skip: lan.length === 0 && 'this machine has no LAN address' }, async () => {
    const dataDir = tempDir();
    const created = JSON.parse(await aula(['activity', 'create', '--name', 'xAPI lab', '--json', '--data-dir', dataDir]));
    const code = created.trackingCode as string;

    const json = JSON.parse(await aula(['activity', 'show', code, '--json', '--data-dir', dataDir]));
    assert.equal(json.xapi.endpoint, 'http://aula.local:3000/xapi/', 'the JSON contract is unchanged');

    const text = await aula(['activity', 'show', code, '--data-dir', dataDir], { AULA_PORT: '' });
    assert.match(text, /xAPI endpoint: +http:\/\/aula\.local:3000\/xapi\//);
    assert.match(text, /If games cannot reach that endpoint, use this computer's address \(port 3000; if aula serve was started with another --port, that port\):/);
    for (const address of lan) assert.match(text, new RegExp(`^ +http://${address.replaceAll('.', '\\.')}:3000/xapi/$`, 'm'));

    // The port the collector takes from the environment is the one given.
    const fromEnv = await aula(['activity', 'show', code, '--data-dir', dataDir], { AULA_PORT: '4123' });
    assert.match(fromEnv, /\(port 4123 from AULA_PORT;/);
    assert.match(fromEnv, new RegExp(`http://${(lan[0] as string).replaceAll('.', '\\.')}:4123/xapi/`));

    // Regenerating prints the new pair the same way.
    const regenerated = await aula(['activity', 'xapi-regenerate', code, '--data-dir', dataDir], { AULA_PORT: '' });
    assert.match(regenerated, new RegExp(`http://${(lan[0] as string).replaceAll('.', '\\.')}:3000/xapi/`));
  });

  it('with Aula running on the data folder, names the port it listens on instead of guessing 3000', { skip: lan.length === 0 && 'this machine has no LAN address' }, async () => {
    const dataDir = tempDir();
    const created = JSON.parse(await aula(['activity', 'create', '--name', 'xAPI lab', '--json', '--data-dir', dataDir]));
    const serve = await startServe(dataDir, ['--no-mdns']);
    try {
      const port = new URL(serve.url).port;
      const text = await aula(['activity', 'show', created.trackingCode as string, '--data-dir', dataDir], { AULA_PORT: '' });
      assert.match(text, new RegExp(`If games cannot reach that endpoint, use this computer's address \\(port ${port}, where Aula runs now on this data folder\\):`));
      for (const address of lan) assert.match(text, new RegExp(`^ +http://${address.replaceAll('.', '\\.')}:${port}/xapi/$`, 'm'));
    } finally {
      await serve.stop();
    }
    // Stopped: back to the port aula serve would take, said as a condition.
    const after = await aula(['activity', 'show', created.trackingCode as string, '--data-dir', dataDir], { AULA_PORT: '' });
    assert.match(after, /\(port 3000; if aula serve was started with another --port, that port\):/);
  });
});
