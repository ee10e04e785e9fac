// Hostile input, each case in its own process: the process stays alive, the error has the
// expected code, and the emulator received the expected number of requests (hostile-cases.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from './emulator.mjs';
import { CASES, runInAProcess } from './hostile-cases.mjs';

let emu;
before(async () => {
  emu = await startEmulator();
});
after(async () => {
  await emu?.stop();
});

test('there are at least 25 cases, each named once', () => {
  assert.ok(CASES.length >= 25, `${CASES.length}`);
  assert.equal(new Set(CASES.map(([name]) => name)).size, CASES.length);
});

for (const entry of CASES) {
  const [name, , code, requests] = entry;
  test(`hostile: ${name}`, async () => {
    const outcome = await runInAProcess(entry, emu.url);
    assert.ok(!outcome.crashed, `the process died (exit ${outcome.status}, signal ${outcome.signal}): ${outcome.stderr}`);
    assert.equal(outcome.code, code, outcome.stderr);
    assert.equal(outcome.requests, requests);
  });
}
