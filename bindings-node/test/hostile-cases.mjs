// Hostile input for the Node package, each case run in a process of its own.
//
// Every case does one hostile thing and gives a result code: the `code` of the InfobipError it
// raised, the name of another error, or `ok`. Run as a script (`node hostile-cases.mjs CASE URL`) it
// runs one case and prints `HOSTILE-RESULT: <code>`; a process that dies on the way (an abort, a
// signal) prints nothing, which is how a crash shows. `node hostile-cases.mjs --all URL` runs every
// case against the emulator at URL and says how many crashed; test/hostile.test.mjs does the same.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as sdk from '../index.mjs';

const KEY = 'emulator-api-key';
const BALANCE = '/account/1/balance';
const TO = '41793026727';

const client = (url, options = {}) => new sdk.Infobip({ baseUrl: url, apiKey: KEY, ...options });
const deep = (open, close, n) => Buffer.from(open.repeat(n) + close.repeat(n));
const sendBody = (extra = {}) => ({ messages: [{ destinations: [{ to: TO }], content: { text: 'Hi' }, ...extra }] });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cyclicArray() {
  const items = [1];
  items.push(items);
  return items;
}

function cyclicObject() {
  const node = { to: TO };
  node.self = node;
  return node;
}

function nested(n) {
  let body = {};
  for (let i = 0; i < n; i += 1) body = { messages: body };
  return body;
}

async function abortedSend(url) {
  const controller = new AbortController();
  const sending = client(url).sms.send(sendBody(), { signal: controller.signal });
  // Until the emulator has the request (at most 30 s), then abort.
  const deadline = Date.now() + 30_000;
  while ((await admin(url, 'GET', '/requests?path=/sms/3/messages')).requests.length === 0 && Date.now() < deadline) {
    await sleep(20);
  }
  controller.abort();
  try {
    await sending;
  } catch (e) {
    return e.name === 'AbortError' && e.bulkId && e.messageIds.length === 1 ? 'aborted+ids' : e.code ?? e.name;
  }
  return 'ok';
}

async function querySend(url) {
  try {
    await client(url).call('send-sms-messages-over-query-parameters', { query: { to: TO, text: 'Hi' } }, { timeout: 300 });
  } catch (e) {
    return e.code === 'outcome_unknown' && e.bulkId ? 'outcome_unknown+bulkId' : e.code;
  }
  return 'ok';
}

async function nativePanic() {
  const { default: native } = await import('../lib/native.js');
  const { default: errors } = await import('../lib/errors.js');
  await native._testPanic('async').catch((e) => {
    throw errors.fromNative(e);
  });
  return 'ok';
}

const oauth = (url) => new sdk.Infobip({ baseUrl: url, oauth2: { clientId: 'emulator', clientSecret: 'emulator-password' }, maxRetries: 0 });

/** [name, run(url), expected code, expected requests, faults] */
export const CASES = [
  ['xml_push_20000_deep', () => sdk.webhooks.parseDeliveryReports(deep('<a>', '</a>', 20000)), 'decode', 0],
  ['json_push_100000_deep', () => sdk.webhooks.parseDeliveryReports(deep('[', ']', 100000)), 'decode', 0],
  ['inbound_push_deep_objects', () => sdk.webhooks.parseInbound(deep('{"a":', '}', 50000)), 'decode', 0],
  ['garbage_push', () => sdk.webhooks.parseDeliveryReports(Buffer.from([0xff, 0, 0x7b, 0x3c, 0x80])), 'decode', 0],
  ['invalid_utf8_push', () => sdk.webhooks.parseDeliveryReports(Buffer.concat([Buffer.from('{"results":[{"messageId":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')])), 'decode', 0],
  ['call_body_array_holding_itself', (url) => client(url).call('send-sms-messages', { body: { messages: cyclicArray() } }), 'validation', 0],
  ['call_body_object_100000_deep', (url) => client(url).call('send-sms-messages', { body: nested(100000) }), 'validation', 0],
  ['request_body_holding_itself', (url) => client(url).request('POST', '/sms/3/messages', { body: cyclicObject() }), 'validation', 0],
  ['sms_send_holding_itself', (url) => client(url).sms.send({ messages: [cyclicObject()] }), 'validation', 0],
  ['call_body_bigint', (url) => client(url).call('send-sms-messages', { body: sendBody({ validityPeriod: 10n }) }), 'validation', 0],
  ['call_body_lone_surrogate', (url) => client(url).call('send-sms-messages', { body: sendBody({ callbackData: '\ud800' }) }), 'validation', 0],
  ['timeout_1e23', (url) => client(url, { timeout: 1e23 }), 'config', 0],
  ['timeout_nan', (url) => client(url, { timeout: NaN }), 'config', 0],
  ['timeout_negative', (url) => client(url, { timeout: -1 }), 'config', 0],
  ['timeout_not_a_number', (url) => client(url, { timeout: 'soon' }), 'config', 0],
  ['connect_timeout_infinite', (url) => client(url, { connectTimeout: Infinity }), 'config', 0],
  ['call_timeout_1e300', (url) => client(url).request('GET', BALANCE, {}, { timeout: 1e300 }), 'config', 0],
  ['max_retries_2_pow_40', (url) => client(url, { maxRetries: 2 ** 40 }), 'config', 0],
  ['max_retries_fraction', (url) => client(url).request('GET', BALANCE, {}, { maxRetries: 1.5 }), 'config', 0],
  ['max_response_bytes_zero', (url) => client(url, { maxResponseBytes: 0 }), 'config', 0],
  ['crlf_in_api_key', (url) => new sdk.Infobip({ baseUrl: url, apiKey: 'key\r\nX-Evil: 1' }), 'config', 0],
  ['crlf_in_basic_password', (url) => new sdk.Infobip({ baseUrl: url, basic: { username: 'u', password: 'p\r\nX: 1' } }), 'config', 0],
  ['crlf_in_oauth2_secret', (url) => new sdk.Infobip({ baseUrl: url, oauth2: { clientId: 'i', clientSecret: 's\ns' } }), 'config', 0],
  ['crlf_in_user_agent_suffix', (url) => client(url, { userAgentSuffix: 'app\r\nX-Evil: 1' }), 'config', 0],
  ['crlf_in_base_url', (url) => new sdk.Infobip({ baseUrl: `${url}\r\nX: 1`, apiKey: KEY }), 'config', 0],
  ['crlf_in_header_parameter', (url) => client(url).call('get-biometrics-extraction-session', { headers: { 'X-Session-Id': 'a\r\nX-Evil: b' } }), 'validation', 0],
  ['gzip_bomb_answer', (url) => client(url).request('GET', BALANCE), 'decode', 1, [{ path: BALANCE, kind: 'gzip_bomb', body: 64 << 20 }]],
  ['deep_json_answer', (url) => client(url).request('GET', BALANCE), 'decode', 1, [{ path: BALANCE, status: 200, body: '['.repeat(100000) + ']'.repeat(100000) }]],
  ['garbage_answer_to_a_send', (url) => client(url).sms.send(sendBody()), 'outcome_unknown', 1, [{ path: '/sms/3/messages', status: 200, body: '\u0000\u0001not json' }]],
  ['query_send_against_a_delay', querySend, 'outcome_unknown+bulkId', 1, [{ path: '/sms/3/text/query', kind: 'delay', delayMs: 1500 }]],
  ['token_endpoint_500', (url) => oauth(url).request('GET', BALANCE), 'auth_failed', 1, [{ path: '/auth/1/oauth2/token', status: 500 }]],
  ['retry_after_absurd', (url) => client(url).request('GET', BALANCE), 'rate_limited', 1, [{ path: BALANCE, status: 429, headers: { 'Retry-After': '99999999999999999999999' } }]],
  ['already_aborted_signal', (url) => client(url).sms.send(sendBody(), { signal: AbortSignal.abort() }), 'aborted', 0],
  ['aborted_during_a_send', abortedSend, 'aborted+ids', 1, [{ path: '/sms/3/messages', kind: 'delay', delayMs: 3000 }]],
  ['a_panic_in_the_native_code', nativePanic, 'internal', 0],
];

async function run(name, url) {
  const found = CASES.find(([caseName]) => caseName === name);
  try {
    const result = await found[1](url);
    return typeof result === 'string' ? result : 'ok';
  } catch (e) {
    return e?.code ?? e?.name ?? String(e);
  }
}

async function admin(url, method, route, body) {
  const response = await fetch(`${url}/_emulator${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return JSON.parse((await response.text()) || 'null');
}

/** Runs one case in a fresh Node process, after resetting the emulator and queuing its faults. */
export async function runInAProcess([name, , , , faults = []], url) {
  await admin(url, 'POST', '/reset');
  if (faults.length) await admin(url, 'POST', '/faults', faults);
  const done = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name, url], { encoding: 'utf8', timeout: 120_000 });
  const line = done.stdout.split('\n').find((l) => l.includes('HOSTILE-RESULT: '));
  const code = line ? line.split('HOSTILE-RESULT: ')[1] : null;
  const requests = (await admin(url, 'GET', '/requests')).requests.length;
  return { name, status: done.status, signal: done.signal, code, requests, stderr: done.stderr.slice(-2000), crashed: done.status !== 0 || code === null };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  if (first === '--all') {
    let crashed = 0;
    for (const entry of CASES) {
      const outcome = await runInAProcess(entry, second);
      crashed += outcome.crashed ? 1 : 0;
      const right = outcome.code === entry[2] && outcome.requests === entry[3];
      console.log(`${outcome.crashed ? 'CRASHED' : right ? 'ok' : 'WRONG'} ${entry[0]}: exit ${outcome.status} ${outcome.signal ?? ''}, ${outcome.code}, ${outcome.requests} request(s)`);
    }
    console.log(`${crashed} of ${CASES.length} cases crashed`);
  } else {
    console.log(`HOSTILE-RESULT: ${await run(first, second)}`);
  }
}
