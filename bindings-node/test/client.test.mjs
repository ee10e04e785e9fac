// The client against the emulator: construction, the four auth schemes, environment variables,
// generic requests, per-call options and what util.inspect shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import util from 'node:util';
import { createRequire } from 'node:module';
import { startEmulator, USERNAME, PASSWORD } from './emulator.mjs';
import * as sdk from '../index.mjs';

const { Infobip, ConfigurationError, ValidationError, AuthenticationError, AuthFailedError } = sdk;
let emu;

before(async () => {
  emu = await startEmulator();
});
after(async () => {
  await emu?.stop();
});

test('CommonJS and ESM entry points export the same objects', () => {
  const cjs = createRequire(import.meta.url)('../index.js');
  assert.deepEqual(Object.keys(sdk).filter((k) => k !== 'default').sort(), Object.keys(cjs).sort());
  assert.equal(sdk.Infobip, cjs.Infobip);
  assert.equal(sdk.default, cjs);
});

test('an API key client reads the balance', async () => {
  const client = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
  assert.equal(client.baseUrl, emu.url);
  const r = await client.request('GET', '/account/1/balance');
  assert.equal(r.status, 200);
  assert.equal(typeof r.body.balance, 'number');
  assert.equal(r.attempts, 1);
  const [seen] = (await emu.requests('/account/1/balance')).slice(-1);
  assert.equal(seen.headers.authorization, `App ${emu.apiKey}`);
  assert.match(seen.headers['user-agent'], /^infobip-sdk\/\S+ \(node\/\d+\.\d+\.\d+; linux\)/);
});

// Refused Basic credentials are a 401 of the call; a refused session or token request fails
// authentication itself, so the call is never sent.
for (const [scheme, options, header, Refused] of [
  ['basic', () => ({ basic: { username: USERNAME, password: PASSWORD } }), /^Basic /, AuthenticationError],
  ['ibsso', () => ({ ibsso: { username: USERNAME, password: PASSWORD } }), /^IBSSO /, AuthFailedError],
  ['oauth2', () => ({ oauth2: { clientId: USERNAME, clientSecret: PASSWORD } }), /^Bearer /, AuthFailedError],
]) {
  test(`${scheme} authentication`, async () => {
    await emu.admin('DELETE', '/requests');
    const client = new Infobip({ baseUrl: emu.url, ...options() });
    const r = await client.request('GET', '/account/1/balance');
    assert.equal(r.status, 200);
    const seen = await emu.requests('/account/1/balance');
    assert.match(seen.at(-1).headers.authorization, header);
    await client.close();
    const wrong = new Infobip({ baseUrl: emu.url, ...JSON.parse(JSON.stringify(options()).replace(PASSWORD, 'nope')) });
    await assert.rejects(wrong.request('GET', '/account/1/balance'), Refused);
  });
}

test('new Infobip() reads INFOBIP_* environment variables', async () => {
  const saved = { ...process.env };
  try {
    process.env.INFOBIP_BASE_URL = emu.url;
    process.env.INFOBIP_API_KEY = emu.apiKey;
    const client = new Infobip();
    assert.equal((await client.request('GET', '/account/1/balance')).status, 200);
    delete process.env.INFOBIP_API_KEY;
    assert.throws(() => new Infobip(), (e) => e instanceof ConfigurationError && e.code === 'config' && /INFOBIP_API_KEY/.test(e.message));
  } finally {
    process.env = saved;
  }
});

test('bad configuration is a ConfigurationError or a ValidationError naming the option', () => {
  assert.throws(() => new Infobip({ baseUrl: 'http://example.com', apiKey: 'k' }), (e) => e instanceof ConfigurationError && /example\.com/.test(e.message));
  assert.throws(() => new Infobip({ baseUrl: emu.url, apiKey: 'k', basic: { username: 'u', password: 'p' } }), ConfigurationError);
  assert.throws(() => new Infobip({ baseUrl: emu.url, apiKey: 'k', timeout: -1 }), (e) => e instanceof ConfigurationError || e instanceof ValidationError);
  assert.throws(() => new Infobip('nope'), ConfigurationError);
  assert.throws(() => new Infobip({ baseUrl: emu.url, apiKey: 'k', maxRetries: 'two' }), (e) => e.code === 'config' && /maxRetries/.test(e.message));
  // A mistyped secret is not echoed back.
  for (const options of [{ apiKey: 987654321 }, { basic: { username: 'u', password: 13579246 } }]) {
    assert.throws(() => new Infobip({ baseUrl: emu.url, ...options }), (e) => e instanceof ConfigurationError && !/987654321|13579246/.test(util.inspect(e)));
  }
});

test('query lists, bodies and per-call options reach the server', async () => {
  const client = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
  await emu.admin('DELETE', '/requests');
  await client.request('GET', '/sms/3/logs', { query: { bulkId: ['a b', 'c'], limit: 5, skip: null } }, { maxRetries: 0, timeout: 5000 });
  const [seen] = await emu.requests('/sms/3/logs');
  assert.equal(seen.query, 'bulkId=a%20b&bulkId=c&limit=5');
  await assert.rejects(client.request('GET', '/sms/3/logs', { query: { bulkId: { nested: 1 } } }), (e) => e instanceof ValidationError && e.violations[0].property === 'query.bulkId');
  await assert.rejects(client.request('FETCH IT', '/x'), (e) => e instanceof ValidationError && e.violations[0].property === 'method');
  await assert.rejects(client.request('GET', '/x', {}, { timeout: Number.NaN }), (e) => e instanceof ConfigurationError && /timeout/.test(e.message));
  await assert.rejects(client.request('GET', '/x', {}, 5), ValidationError);
  await assert.rejects(client.request('GET', '/x', {}, { signal: 'stop' }), (e) => e instanceof ValidationError && e.violations[0].property === 'signal');
  assert.equal((await emu.requests('/x')).length, 0, 'nothing was sent for bad input');
});

test('util.inspect of a client shows no secret', () => {
  const secrets = ['sk-inspect-secret-1', 'pw-inspect-secret-2', 'cs-inspect-secret-3'];
  const clients = [
    new Infobip({ baseUrl: emu.url, apiKey: secrets[0] }),
    new Infobip({ baseUrl: emu.url, basic: { username: 'u', password: secrets[1] } }),
    new Infobip({ baseUrl: emu.url, ibsso: { username: 'u', password: secrets[1] } }),
    new Infobip({ baseUrl: emu.url, oauth2: { clientId: 'id', clientSecret: secrets[2] } }),
  ];
  for (const client of clients) {
    const shown = [util.inspect(client, { showHidden: true, depth: 10 }), String(client), JSON.stringify(client)].join('\n');
    assert.match(shown, new RegExp(emu.url.replace(/[.]/g, '\\.')));
    for (const secret of secrets) assert.ok(!shown.includes(secret), shown);
  }
});
