// examples/node/demo.mjs runs against the emulator: delivery reports through its own webhook
// receiver, the logs, and a 429. test.sh installs examples/node (npm ci) before this runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator } from './emulator.mjs';

const DEMO = fileURLToPath(new URL('../../examples/node/demo.mjs', import.meta.url));

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
