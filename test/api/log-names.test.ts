import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDataFolder } from '../support/data-folder.js';
import { postJson, request } from '../support/http.js';
import { ROOT } from '../support/serve-process.js';

const USERNAME = 'zoe.quintana';
const PASSWORD = 'correct-horse-42';

interface LogEntry {
  level: number;
  msg: string;
  username?: string;
  student?: string;
  address?: string;
  device?: string;
  classId?: string;
}

/**
 * `aula serve` at a log level, as IT runs it (`2> aula.log`): the teacher adds a student, who mistypes the password
 * once, then logs in; the log (standard error, JSON lines) once it stopped.
 */
async function logOfALogin(level: string): Promise<LogEntry[]> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'aula.js'), 'serve', '--data-dir', tempDataFolder(), '--host', '127.0.0.1', '--port', '0', '--no-mdns'], {
    cwd: ROOT,
    env: { ...process.env, AULA_LOG_LEVEL: level },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    const url = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
    });
    const made = await postJson(`${url}/admin/api/classes`, { name: '3B' });
    assert.equal(made.status, 201, made.text);
    const classId = (made.json as { class: { id: string } }).class.id;
    const added = await postJson(`${url}/admin/api/classes/${classId}/students`, { username: USERNAME, password: PASSWORD, name: 'Zoe Quintana' });
    assert.equal(added.status, 201, added.text);
    assert.equal((await postJson(`${url}/api/login`, { username: USERNAME, password: 'wrong-password-1' })).status, 401);
    assert.equal((await postJson(`${url}/api/login`, { username: USERNAME, password: PASSWORD })).status, 200);
    // The teacher's own tools keep the device's address at every level: Diagnostics lists a refused start with it.
    assert.equal((await postJson(`${url}/api/collector/start/NO-SUCH-CODE`, {})).status, 404);
    let refused = '';
    for (let i = 0; i < 50 && !refused.includes('NO-SUCH-CODE'); i++) {
      refused = JSON.stringify((await request(`${url}/admin/api/diagnostics`)).json);
      if (!refused.includes('NO-SUCH-CODE')) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.match(refused, /"address":"127\.0\.0\.1"/, refused);
  } finally {
    child.kill('SIGTERM');
    await closed;
    clearTimeout(timer);
  }
  return stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogEntry);
}

describe("the log and students' names", () => {
  it('at the default level (info) says a student and a device, with tags that stay the same for them, and keeps the class', async () => {
    const entries = await logOfALogin('info');
    assert.ok(!JSON.stringify(entries).includes('zoe'), JSON.stringify(entries));
    const added = entries.find((entry) => entry.msg === 'student added from the dashboard');
    const failed = entries.find((entry) => entry.msg === 'failed login');
    const loggedIn = entries.find((entry) => entry.msg === 'student logged in');
    assert.ok(added && failed && loggedIn, JSON.stringify(entries));
    assert.match(loggedIn.student ?? '', /^student-[\w-]{8}$/);
    assert.deepEqual([added.student, failed.student], [loggedIn.student, loggedIn.student], 'IT can follow one account through the log');
    // The device's IP address is personal data too: a tag that stays the same for it while Aula runs.
    assert.equal(loggedIn.address, undefined);
    assert.match(loggedIn.device ?? '', /^device-[\w-]{8}$/);
    assert.equal(failed.device, loggedIn.device, 'IT can follow one device through the log');
    assert.ok(!JSON.stringify(entries).includes('127.0.0.1'), JSON.stringify(entries));
    assert.ok(added.classId);
  });

  it('at debug, chosen to diagnose, names them', async () => {
    const entries = await logOfALogin('debug');
    const loggedIn = entries.find((entry) => entry.msg === 'student logged in');
    assert.equal(loggedIn?.username, USERNAME);
    assert.equal(loggedIn?.student, undefined);
    assert.equal(loggedIn?.address, '127.0.0.1');
    assert.equal(loggedIn?.device, undefined);
  });
});
