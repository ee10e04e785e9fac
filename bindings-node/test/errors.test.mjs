// Errors end to end: every case of tests/vectors/errors.json served by the emulator's fault API,
// and each error class from a real emulator response or fault.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import util from 'node:util';
import { startEmulator, LIMITED_KEY } from './emulator.mjs';
import * as sdk from '../index.mjs';

const vectors = JSON.parse(readFileSync(new URL('../../tests/vectors/errors.json', import.meta.url), 'utf8'));
const CLASS_OF = {
  bad_request: sdk.BadRequestError,
  unauthorized: sdk.AuthenticationError,
  forbidden: sdk.PermissionDeniedError,
  not_found: sdk.NotFoundError,
  conflict: sdk.ConflictError,
  rate_limited: sdk.RateLimitError,
  server_error: sdk.InternalServerError,
  api_error: sdk.APIStatusError,
};
const FIELD = {
  error_code: 'errorCode',
  text: 'text',
  action: 'action',
  violations: 'violations',
  resources: 'resources',
  request_id: 'requestId',
  retry_after_ms: 'retryAfterMs',
  body_is_json: 'bodyIsJson',
};

let emu;
let client;
before(async () => {
  emu = await startEmulator();
  client = new sdk.Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
});
after(async () => {
  await emu?.stop();
});

for (const vector of vectors.cases.filter((c) => c.at === 'oauth2_token')) {
  test(`vector (token endpoint): ${vector.name}`, async () => {
    await emu.reset();
    await emu.fault({ path: '/auth/1/oauth2/token', status: vector.status, headers: vector.headers, body: vector.body });
    const oauth = new sdk.Infobip({ baseUrl: emu.url, oauth2: { clientId: 'emulator', clientSecret: 'emulator-password' }, maxRetries: 0 });
    const error = await oauth.request('GET', '/account/1/balance').then(
      () => assert.fail('expected an error'),
      (e) => e,
    );
    assert.ok(error instanceof sdk.AuthFailedError && error instanceof sdk.InfobipError, `${error.name}: ${error.message}`);
    assert.equal(error.code, vector.expected.code);
    assert.equal(error.cause, vector.expected.cause);
    assert.equal(error.status, vector.expected.auth_status);
    assert.equal(error.scheme, 'OAuth2');
    if ('message_contains' in vector.expected) assert.ok(error.message.includes(vector.expected.message_contains), error.message);
    assert.deepEqual(await emu.requests('/account/1/balance'), [], 'the call was not sent');
  });
}

for (const vector of vectors.cases.filter((c) => c.at === undefined)) {
  test(`vector: ${vector.name}`, async () => {
    await emu.fault({ path: '/account/1/balance', status: vector.status, headers: vector.headers, body: vector.body });
    const error = await client.request('GET', '/account/1/balance', {}, { maxRetries: 0 }).then(
      () => assert.fail('expected an error'),
      (e) => e,
    );
    const expected = vector.expected;
    assert.ok(error instanceof CLASS_OF[expected.code], `${error.name} for ${expected.code}`);
    assert.ok(error instanceof sdk.APIStatusError && error instanceof sdk.InfobipError && error instanceof Error);
    assert.equal(error.code, expected.code);
    assert.equal(error.status, vector.status);
    for (const [key, prop] of Object.entries(FIELD)) {
      if (key in expected) assert.deepEqual(error[prop], expected[key], `${key}`);
    }
    if ('message_contains' in expected) {
      for (const part of [expected.message_contains].flat()) assert.ok(error.message.includes(part), `${error.message} lacks ${part}`);
    }
    assert.equal(typeof error.body, 'string');
  });
}

async function failure(promise) {
  return promise.then(
    (value) => assert.fail(`expected an error, got ${util.inspect(value)}`),
    (e) => e,
  );
}

test('400 from the emulator validating a send: BadRequestError with violations', async () => {
  const e = await failure(client.request('POST', '/sms/3/messages', { body: { messages: [{ sender: 'InfoSMS' }] } }));
  assert.ok(e instanceof sdk.BadRequestError);
  assert.equal(e.status, 400);
  assert.equal(e.errorCode, 'E400');
  assert.ok(e.violations.some((v) => v.property === 'messages[0].destinations'), util.inspect(e.violations));
  assert.ok(e.requestId);
});

test('401 with a wrong key: AuthenticationError, no secret in the error', async () => {
  const secret = 'wrong-key-never-shown-123';
  const bad = new sdk.Infobip({ baseUrl: emu.url, apiKey: secret });
  const e = await failure(bad.request('GET', '/account/1/balance'));
  assert.ok(e instanceof sdk.AuthenticationError);
  assert.equal(e.code, 'unauthorized');
  assert.equal(e.errorCode, 'UNAUTHORIZED');
  const shown = util.inspect(e, { showHidden: true, depth: 10 }) + e.stack + JSON.stringify(e);
  assert.ok(!shown.includes(secret), shown);
});

test('403 with a key lacking the scope: PermissionDeniedError', async () => {
  const limited = new sdk.Infobip({ baseUrl: emu.url, apiKey: LIMITED_KEY });
  const e = await failure(limited.request('GET', '/sms/3/logs'));
  assert.ok(e instanceof sdk.PermissionDeniedError);
  assert.equal(e.errorCode, 'E403');
});

test('404 for an unknown bulk: NotFoundError', async () => {
  const e = await failure(client.request('GET', '/sms/1/bulks', { query: { bulkId: 'no-such-bulk' } }));
  assert.ok(e instanceof sdk.NotFoundError, e.name);
  assert.equal(e.status, 404);
});

test('409, 429 with Retry-After, 500 and 422 from faults', async () => {
  const cases = [
    [409, {}, sdk.ConflictError, 'conflict'],
    [429, { 'Retry-After': '3' }, sdk.RateLimitError, 'rate_limited'],
    [500, {}, sdk.InternalServerError, 'server_error'],
    [422, {}, sdk.APIStatusError, 'api_error'],
  ];
  for (const [status, headers, Class, code] of cases) {
    await emu.fault({ path: '/account/1/balance', status, headers });
    const e = await failure(client.request('GET', '/account/1/balance', {}, { maxRetries: 0 }));
    assert.ok(e instanceof Class, `${status}: ${e.name}`);
    assert.equal(e.constructor, Class);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
  }
  await emu.fault({ path: '/account/1/balance', status: 429, headers: { 'Retry-After': '3' } });
  const e = await failure(client.request('GET', '/account/1/balance', {}, { maxRetries: 0 }));
  assert.equal(e.retryAfterMs, 3000);
});

test('a GET is retried after a 503, then succeeds', async () => {
  await emu.fault({ path: '/account/1/balance', status: 503, headers: { 'Retry-After': '0' } });
  const r = await client.request('GET', '/account/1/balance', {}, { maxRetries: 1 });
  assert.equal(r.status, 200);
  assert.equal(r.attempts, 2);
});

test('a connection dropped before any answer: APIConnectionError', async () => {
  // The server stays bound (no port is reserved and given up) and drops every connection.
  const server = net.createServer((socket) => socket.destroy());
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  try {
    const closed = new sdk.Infobip({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' });
    const e = await failure(closed.request('GET', '/account/1/balance', {}, { maxRetries: 0 }));
    assert.ok(e instanceof sdk.APIConnectionError && !(e instanceof sdk.APITimeoutError), e.name);
    assert.equal(e.code, 'connection');
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('the query send against a delay fault: sent once, OutcomeUnknownError with its bulk id', async () => {
  await emu.reset();
  await emu.fault({ path: '/sms/3/text/query', kind: 'delay', delayMs: 1500 });
  const e = await failure(
    client.call('send-sms-messages-over-query-parameters', { query: { to: '41793026727', text: 'Hi' } }, { timeout: 500 }),
  );
  assert.ok(e instanceof sdk.OutcomeUnknownError, `${e.name}: ${e.message}`);
  const sent = await emu.requests('/sms/3/text/query');
  assert.equal(sent.length, 1, 'exactly one request received');
  assert.ok(e.bulkId && sent[0].query.includes(`bulkId=${e.bulkId}`), sent[0].query);
  assert.deepEqual(e.messageIds, []);
  await emu.fault({ path: '/sms/3/text/query', kind: 'delay', delayMs: 1500 });
  const again = await failure(
    client.request('GET', '/sms/3/text/query', { query: { to: '41793026727', text: 'Hi', bulkId: 'mine' } }, { timeout: 500 }),
  );
  assert.equal(again.bulkId, 'mine');
  assert.equal((await emu.requests('/sms/3/text/query')).length, 2);
});

test('an aborted send keeps the name AbortError and carries its ids', async () => {
  await emu.reset();
  await emu.fault({ path: '/sms/3/messages', kind: 'delay', delayMs: 3000 });
  const controller = new AbortController();
  const sending = client.sms.send({ messages: [{ destinations: [{ to: '41793026727' }], content: { text: 'Hi' } }] }, { signal: controller.signal });
  for (let i = 0; i < 200 && (await emu.requests('/sms/3/messages')).length === 0; i += 1) {
    await new Promise((r) => setTimeout(r, 20));
  }
  controller.abort();
  const e = await failure(sending);
  assert.ok(e instanceof sdk.AbortError, e.name);
  assert.equal(e.name, 'AbortError');
  const sent = JSON.parse((await emu.requests('/sms/3/messages'))[0].body);
  assert.equal(e.bulkId, sent.options.schedule.bulkId);
  assert.deepEqual(e.messageIds, [sent.messages[0].destinations[0].messageId]);
  // Aborted before it started: nothing is sent, and there are no ids.
  const done = new AbortController();
  done.abort();
  const early = await failure(client.sms.send({ messages: [{ destinations: [{ to: '41793026727' }], content: { text: 'Hi' } }] }, { signal: done.signal }));
  assert.ok(early instanceof sdk.AbortError);
  assert.equal(early.bulkId, null);
  assert.equal((await emu.requests('/sms/3/messages')).length, 1);
});

test('a panic in the native code is an InternalError, never a crash or a pending promise', async () => {
  const native = (await import('../lib/native.js')).default;
  const { fromNative } = (await import('../lib/errors.js')).default;
  let thrown;
  try {
    native._testPanic('sync');
  } catch (e) {
    thrown = fromNative(e);
  }
  assert.ok(thrown instanceof sdk.InternalError, `${thrown?.name}: ${thrown?.message}`);
  assert.equal(thrown.code, 'internal');
  const rejected = await native._testPanic('async').then(() => assert.fail('resolved'), (e) => fromNative(e));
  assert.ok(rejected instanceof sdk.InternalError, `${rejected.name}: ${rejected.message}`);
  assert.match(rejected.message, /on purpose/);
});

test('a slow GET: APITimeoutError; a slow POST: OutcomeUnknownError', async () => {
  await emu.fault({ path: '/account/1/balance', kind: 'delay', delayMs: 2000 });
  const t = await failure(client.request('GET', '/account/1/balance', {}, { timeout: 200, maxRetries: 0 }));
  assert.ok(t instanceof sdk.APITimeoutError && t instanceof sdk.APIConnectionError, t.name);
  assert.equal(t.code, 'timeout');
  await emu.fault({ path: '/sms/3/messages', kind: 'delay', delayMs: 2000 });
  const body = { messages: [{ destinations: [{ to: '41793026727' }], sender: 'InfoSMS', content: { text: 'hi' } }] };
  const u = await failure(client.request('POST', '/sms/3/messages', { body }, { timeout: 200 }));
  assert.ok(u instanceof sdk.OutcomeUnknownError, u.name);
  assert.equal(u.code, 'outcome_unknown');
  assert.ok(Array.isArray(u.messageIds));
  assert.match(u.operation, /POST \/sms\/3\/messages/);
});

test('a cut connection after the status line on a POST: OutcomeUnknownError', async () => {
  await emu.fault({ path: '/sms/3/messages', kind: 'reset_after_status_line' });
  const body = { messages: [{ destinations: [{ to: '41793026727' }], sender: 'InfoSMS', content: { text: 'hi' } }] };
  const e = await failure(client.request('POST', '/sms/3/messages', { body }));
  assert.ok(e instanceof sdk.OutcomeUnknownError, `${e.name}: ${e.message}`);
});

test('a malformed body: DecodeError with an offset', async () => {
  await emu.fault({ path: '/account/1/balance', kind: 'malformed_body' });
  const e = await failure(client.request('GET', '/account/1/balance'));
  assert.ok(e instanceof sdk.DecodeError, `${e.name}: ${e.message}`);
  assert.equal(e.code, 'decode');
  assert.equal(typeof e.offset, 'number');
});

test('error classes are real Error subclasses with names and stacks', () => {
  const e = new sdk.RateLimitError('slow down', { code: 'rate_limited', status: 429, retryAfterMs: 1000 });
  assert.ok(e instanceof sdk.APIStatusError && e instanceof sdk.InfobipError && e instanceof Error);
  assert.equal(e.name, 'RateLimitError');
  assert.equal(Object.prototype.toString.call(e), '[object Error]');
  assert.match(e.stack, /RateLimitError: slow down/);
  assert.equal(new sdk.AbortError('x', { code: 'aborted' }).name, 'AbortError');
});
