// Abort, the event loop staying free during calls, and logging without secrets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator.mjs';
import { Infobip, AbortError, InfobipError } from '../index.mjs';

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
});
after(async () => {
  await emu?.stop();
});

/** A loopback server that never answers and reports when a request's connection closes. */
async function hangingServer() {
  let onClose;
  const closed = new Promise((resolve) => (onClose = resolve));
  let arrived;
  const received = new Promise((resolve) => (arrived = resolve));
  const server = http.createServer((req) => {
    arrived();
    req.socket.once('close', () => onClose());
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, received, closed, stop: () => server.close() };
}

test('an AbortSignal aborts the in-flight request and rejects with an AbortError', async () => {
  const server = await hangingServer();
  try {
    const c = new Infobip({ baseUrl: server.url, apiKey: 'k' });
    const controller = new AbortController();
    const started = Date.now();
    const call = c.request('GET', '/account/1/balance', {}, { signal: controller.signal });
    await server.received;
    controller.abort();
    const e = await call.then(() => assert.fail('resolved'), (err) => err);
    assert.ok(e instanceof AbortError && e instanceof InfobipError, e.name);
    assert.equal(e.name, 'AbortError');
    assert.equal(e.code, 'aborted');
    assert.ok(Date.now() - started < 5000);
    // The Rust future was dropped, so its connection closes.
    await Promise.race([server.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('connection not closed')), 5000))]);
  } finally {
    server.stop();
  }
});

test('an already aborted signal sends nothing; AbortSignal.timeout works', async () => {
  await emu.admin('DELETE', '/requests');
  const e = await client.request('GET', '/account/1/balance', {}, { signal: AbortSignal.abort() }).catch((err) => err);
  assert.ok(e instanceof AbortError);
  assert.equal((await emu.requests('/account/1/balance')).length, 0);
  await emu.fault({ path: '/account/1/balance', kind: 'delay', delayMs: 3000 });
  const t = await client.request('GET', '/account/1/balance', {}, { signal: AbortSignal.timeout(100) }).catch((err) => err);
  assert.ok(t instanceof AbortError, t.name);
  // A signal that never fires changes nothing.
  const ok = await client.request('GET', '/account/1/balance', {}, { signal: new AbortController().signal });
  assert.equal(ok.status, 200);
});

test('500 concurrent calls leave the event loop free', async () => {
  let ticks = 0;
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    ticks += 1;
  }, 5);
  try {
    const started = performance.now();
    const calls = Array.from({ length: 500 }, () => client.request('GET', '/account/1/balance'));
    const dispatched = performance.now();
    // Starting the calls is synchronous JavaScript work; what is measured is the wait after it.
    last = dispatched;
    longestGap = 0;
    const results = await Promise.all(calls);
    const elapsed = performance.now() - dispatched;
    console.log(`dispatch ${(dispatched - started).toFixed(0)} ms, wait ${elapsed.toFixed(0)} ms, ${ticks} ticks, longest gap ${longestGap.toFixed(0)} ms`);
    assert.equal(results.length, 500);
    assert.ok(results.every((r) => r.status === 200));
    // The interval kept firing while the calls were in flight.
    assert.ok(ticks >= Math.floor(elapsed / 50), `${ticks} ticks in ${elapsed.toFixed(0)} ms`);
    assert.ok(longestGap < 250, `the event loop stalled for ${longestGap.toFixed(0)} ms`);
  } finally {
    clearInterval(timer);
  }
});

test('a logger option receives request lines without secrets', async () => {
  const secret = 'logger-secret-key-987';
  const lines = [];
  const logged = new Infobip({
    baseUrl: emu.url,
    apiKey: secret,
    logger: { debug: (l) => lines.push(['debug', l]), info: (l) => lines.push(['info', l]), warn: (l) => lines.push(['warn', l]) },
  });
  const quiet = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
  await logged.request('GET', '/account/1/balance').catch(() => {});
  await quiet.request('GET', '/sms/3/logs');
  await new Promise((r) => setTimeout(r, 50));
  const text = lines.map(([, l]) => l).join('\n');
  assert.match(text, /GET/);
  assert.match(text, /\/account\/1\/balance/);
  assert.match(text, /status=401/);
  assert.ok(!text.includes('/sms/3/logs'), 'another client’s lines were routed to this logger');
  assert.ok(!text.includes(secret), text);
  const fn = [];
  const withFunction = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey, logger: (level, line) => fn.push([level, line]) });
  await withFunction.request('GET', '/account/1/balance');
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(fn.some(([level, line]) => level === 'debug' && /status=200/.test(line)), JSON.stringify(fn));
});

test('INFOBIP_LOG=debug prints request lines to stderr without secrets', () => {
  const secret = 'env-log-secret-key-654';
  const script = `
    const { Infobip } = require(${JSON.stringify(fileURLToPath(new URL('../index.js', import.meta.url)))});
    new Infobip({ baseUrl: ${JSON.stringify(emu.url)}, apiKey: ${JSON.stringify(secret)} })
      .request('GET', '/account/1/balance').catch((e) => console.log(e.name));`;
  const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, INFOBIP_LOG: 'debug' }, encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /AuthenticationError/);
  assert.match(run.stderr, /DEBUG infobip: error response .*path="?\/account\/1\/balance/i);
  assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret));
  const silent = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, INFOBIP_LOG: '' }, encoding: 'utf8', timeout: 20_000 });
  assert.equal(silent.stderr, '');
});
