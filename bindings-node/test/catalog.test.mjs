// client.call(...) over the operation catalog, operations() and requiredScopes(), and the
// per-call options every async call takes (signal, timeout, maxRetries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useEmulator } from './emulator.mjs';
import { Infobip, operations, requiredScopes, ValidationError, ConfigurationError, NotFoundError, AbortError, InternalServerError } from '../index.mjs';

const cjs = createRequire(import.meta.url)('../index.js');

const env = useEmulator(Infobip);

test('call: get-account-balance returns the parsed JSON, status, attempts and request id', async () => {
  const r = await env.client.call('get-account-balance');
  assert.equal(r.status, 200);
  assert.equal(typeof r.body.balance, 'number');
  assert.equal(typeof r.body.currency, 'string');
  assert.equal(typeof r.requestId, 'string');
  assert.equal(r.attempts, 1);
  const [seen] = (await env.emu.requests('/account/1/balance')).slice(-1);
  assert.equal(seen.method, 'GET');
});

test('call: path parameters are filled and encoded; query and body go through', async () => {
  const created = await env.client.call('create-2fa-application', { body: { name: 'call app', enabled: true } });
  assert.equal(created.status, 201);
  const appId = created.body.applicationId;
  assert.equal(typeof appId, 'string');
  const got = await env.client.call('get-2fa-application', { path: { appId } });
  assert.equal(got.body.name, 'call app');
  const missing = await env.client.call('get-2fa-application', { path: { appId: 'no such/app' } }).catch((e) => e);
  assert.ok(missing instanceof NotFoundError, `${missing.name}: ${missing.message}`);
  const [seen] = (await env.emu.requests('/2fa/2/applications/')).slice(-1);
  assert.equal(seen.path, '/2fa/2/applications/no%20such%2Fapp');
  const logs = await env.client.call('get-outbound-sms-message-logs-v3', { query: { limit: 5, bulkId: ['a', 'b'] } });
  assert.equal(logs.status, 200);
  const [query] = (await env.emu.requests('/sms/3/logs')).slice(-1);
  assert.match(query.query ?? query.uri ?? '', /bulkId=a&bulkId=b/);
});

test('call: a body that does not fit the schema is a ValidationError with JSON pointers; nothing is sent', async () => {
  await env.emu.admin('DELETE', '/requests');
  const e = await env.client
    .call('send-sms-messages', { body: { messages: [{ destinations: [{ to: 41793026727 }], content: { text: 'x' } }] } })
    .catch((err) => err);
  assert.ok(e instanceof ValidationError, `${e.name}: ${e.message}`);
  assert.equal(e.code, 'validation');
  assert.ok(e.violations.some((v) => v.property === '/messages/0/destinations/0/to'), JSON.stringify(e.violations));
  const missing = await env.client.call('get-2fa-application').catch((err) => err);
  assert.ok(missing instanceof ValidationError);
  assert.ok(missing.violations.some((v) => v.property === 'path.appId'), JSON.stringify(missing.violations));
  const unknownParam = await env.client.call('get-account-balance', { query: { nope: 1 } }).catch((err) => err);
  assert.ok(unknownParam instanceof ValidationError && unknownParam.violations[0].property === 'query.nope');
  const badParams = await env.client.call('get-account-balance', { paths: {} }).catch((err) => err);
  assert.ok(badParams instanceof ValidationError, `${badParams.name}: ${badParams.message}`);
  assert.deepEqual(await env.emu.requests(), []);
});

test('call: an unknown operation id is a ValidationError suggesting the closest ids', async () => {
  const e = await env.client.call('get-acount-balance').catch((err) => err);
  assert.ok(e instanceof ValidationError, e.name);
  assert.match(e.message, /unknown operation "get-acount-balance"; did you mean get-account-balance/);
});

test('operations() lists the catalog, with search; requiredScopes()', () => {
  const all = operations();
  assert.ok(all.length > 900, `${all.length} operations`);
  assert.deepEqual(Infobip.operations().length, all.length);
  assert.deepEqual(env.client.operations({ search: 'account balance' }), Infobip.operations({ search: 'account balance' }));
  const balance = all.find((op) => op.id === 'get-account-balance');
  assert.deepEqual(Object.keys(balance).sort(), ['deprecated', 'id', 'method', 'path', 'product', 'scopes', 'summary']);
  assert.equal(balance.method, 'GET');
  assert.equal(balance.path, '/account/1/balance');
  assert.equal(typeof balance.deprecated, 'boolean');
  const twofa = operations({ search: '2FA /pin/ EMAIL' });
  assert.ok(twofa.length >= 2 && twofa.every((op) => op.product === '2fa' && op.path.includes('email')), JSON.stringify(twofa));
  assert.deepEqual(operations({ search: 'no-such-thing-at-all' }), []);
  assert.deepEqual(requiredScopes('send-2fa-pin-code-over-sms'), ['2fa:manage', '2fa:pin:send']);
  assert.equal(requiredScopes('no-such-operation'), null);
  assert.equal(cjs.operations, operations);
  assert.equal(cjs.requiredScopes, requiredScopes);
});

test('per-call options: an AbortSignal aborts a 2FA call (not a send) in flight', async () => {
  await env.emu.fault({ path: '/2fa/2/applications', kind: 'delay', delayMs: 3000 });
  const started = Date.now();
  const e = await env.client.tfa.applications({ signal: AbortSignal.timeout(100) }).catch((err) => err);
  assert.ok(e instanceof AbortError, `${e.name}: ${e.message}`);
  assert.ok(Date.now() - started < 2500);
  await env.emu.admin('DELETE', '/requests');
  const aborted = await env.client.call('get-account-balance', {}, { signal: AbortSignal.abort() }).catch((err) => err);
  assert.ok(aborted instanceof AbortError);
  const logs = env.client.sms.logs({ limit: 1 }, { signal: AbortSignal.abort() });
  await assert.rejects(logs.next(), AbortError);
  assert.deepEqual(await env.emu.requests(), [], 'an aborted signal sends nothing');
});

test('per-call options: maxRetries 0 and timeout reach typed calls and call()', async () => {
  await env.emu.fault({ path: '/sms/3/reports', status: 503, headers: { 'Retry-After': '0' } });
  const e = await env.client.sms.deliveryReports({ limit: 1 }, { maxRetries: 0 }).catch((err) => err);
  assert.ok(e instanceof InternalServerError, `${e.name}: ${e.message}`);
  assert.equal(e.attempts, 1);
  await env.emu.fault({ path: '/sms/3/reports', status: 503, headers: { 'Retry-After': '0' } });
  const retried = await env.client.sms.deliveryReports({ limit: 1 }, { maxRetries: 1 });
  assert.ok(Array.isArray(retried.results));
  await env.emu.fault({ path: '/account/1/balance', status: 503, headers: { 'Retry-After': '0' } });
  const once = await env.client.call('get-account-balance', {}, { maxRetries: 0 }).catch((err) => err);
  assert.ok(once instanceof InternalServerError && once.attempts === 1, `${once.name}`);
  await env.emu.fault({ path: '/2fa/2/applications', kind: 'delay', delayMs: 2000 });
  const slow = await env.client.tfa.applications({ timeout: 200, maxRetries: 0 }).catch((err) => err);
  assert.equal(slow.code, 'timeout', `${slow.name}: ${slow.message}`);
  const bad = await env.client.sms.preview({ text: 'x' }, { timeout: -1 }).catch((err) => err);
  assert.ok(bad instanceof ConfigurationError && /timeout/.test(bad.message), String(bad));
});
