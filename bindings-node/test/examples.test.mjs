// examples/node/demo.mjs and channels.mjs run against the emulator; demo.mjs: delivery reports through its own webhook
// receiver, the logs, and a 429. test.sh installs examples/node (npm ci) before this runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator } from './emulator.mjs';

const DEMO = fileURLToPath(new URL('../../examples/node/demo.mjs', import.meta.url));
const CHANNELS = fileURLToPath(new URL('../../examples/node/channels.mjs', import.meta.url));

test('examples/node/demo.mjs sends, gets every delivery report, pages the logs and handles a 429', async () => {
  const emu = await startEmulator(['--delivery-delay-ms', '100']);
  try {
    const env = { ...process.env, INFOBIP_BASE_URL: emu.url, INFOBIP_API_KEY: emu.apiKey };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DEMO], { env, timeout: 120_000 });
    assert.match(stdout, /^summary: node: sent 3, delivered 3, logged 3, \d+\.\d\d s$/m);
    assert.match(stdout, /^rate limited: the API asks to wait 600 s; try again later$/m);
    assert.deepEqual((await emu.admin('GET', '/faults')).faults, []);
    assert.ok(!(stdout + stderr).includes(emu.apiKey));
  } finally {
    await emu.stop();
  }
});

test('examples/node/channels.mjs sends a WhatsApp template, then an Email, and prints typed results', async () => {
  const emu = await startEmulator();
  try {
    const env = { ...process.env, INFOBIP_BASE_URL: emu.url, INFOBIP_API_KEY: emu.apiKey };
    const { stdout } = await promisify(execFile)(process.execPath, [CHANNELS], { env, timeout: 60_000 });
    assert.match(stdout, /^whatsapp: \S+ [A-Z_]+ \(HTTP 200\)$/m);
    assert.match(stdout, /^email: 1 message\(s\), request \S+$/m);
    assert.equal((await emu.requests('/whatsapp/1/message/template')).length, 1);
    assert.equal((await emu.requests('/email/4/messages')).length, 1);
  } finally {
    await emu.stop();
  }
});
