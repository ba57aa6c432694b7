import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultServePort, xapiAddressLines } from '../../server/cli/xapi-address-lines.js';

describe('the xAPI address lines of aula activity show', () => {
  it('lists each network address with the port, leaving out the one the endpoint already names', () => {
    assert.deepEqual(xapiAddressLines('http://192.168.1.10:3000/xapi/', ['192.168.1.10', '10.0.0.5'], { value: 3000, fromEnv: false }), [
      "  If games cannot reach that endpoint, use this computer's address (port 3000; if aula serve was started with another --port, that port):",
      '                     http://10.0.0.5:3000/xapi/',
    ]);
  });

  it('without a network address, or without a port it can name, it points to aula serve\'s own output instead of guessing', () => {
    const fallback = ["  If games cannot reach that endpoint, use the address aula serve prints when it starts, with /xapi/ (the dashboard's Connect screen shows it)."];
    assert.deepEqual(xapiAddressLines('http://aula.local:3000/xapi/', [], { value: 3000, fromEnv: false }), fallback);
    assert.deepEqual(xapiAddressLines('http://aula.local:3000/xapi/', ['192.168.1.10'], null), fallback);
  });

  it('takes aula serve\'s port from AULA_PORT as the collector does, and names none for 0 or nonsense', () => {
    assert.deepEqual(defaultServePort({}), { value: 3000, fromEnv: false });
    assert.deepEqual(defaultServePort({ AULA_PORT: '8080' }), { value: 8080, fromEnv: true });
    assert.equal(defaultServePort({ AULA_PORT: '0' }), null);
    assert.equal(defaultServePort({ AULA_PORT: 'http' }), null);
  });
});
