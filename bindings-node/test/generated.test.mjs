// The generated layer (lib/generated/): one method per operation of every product, each going
// through the native `call`; results read from the answer's text with the generated readers
// (date-times as Dates, open enums kept as strings), with `$response` and `toJSON`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useEmulator } from './emulator.mjs';
import { Infobip, operations, ValidationError } from '../index.mjs';

const require = createRequire(import.meta.url);
const namespaces = require('../lib/generated/index.js');

const env = useEmulator(Infobip);

/** Every generated product module, by namespace name. */
function modules() {
  return Object.keys(namespaces).map((name) => [name, require(`../lib/generated/${name}.js`)]);
}

test('count: one generated method per catalog operation, every id to exactly one method name', () => {
  const methods = new Map();
  let count = 0;
  for (const [name, module] of modules()) {
    const namespace = env.client[name];
    for (const [method, operation] of Object.entries(module.OPERATIONS)) {
      count += 1;
      assert.equal(typeof namespace[method], 'function', `client.${name}.${method}`);
      assert.ok(!methods.has(operation.id), `${operation.id} is ${methods.get(operation.id)} and ${name}.${method}`);
      methods.set(operation.id, `${name}.${method}`);
    }
  }
  const catalog = operations();
  assert.equal(catalog.length, 943);
  assert.equal(count, catalog.length);
  for (const operation of catalog) assert.ok(methods.has(operation.id), `no method for ${operation.id}`);
  assert.equal(new Set(methods.values()).size, methods.size);
  assert.equal(Object.keys(namespaces).length, 46);
  assert.equal(methods.get('send-whatsapp-template-message'), 'whatsapp.sendWhatsappTemplateMessage');
  assert.equal(methods.get('send-messages-api-message'), 'messagesApi.sendMessagesApiMessage');
  assert.equal(methods.get('send-2fa-pin-code-over-sms'), 'tfa.send2faPinCodeOverSms');
});

test('namespaces load on first use and are one instance per client; hand-written calls stay', () => {
  assert.equal(env.client.whatsapp, env.client.whatsapp);
  assert.equal(typeof env.client.sms.send, 'function');
  assert.equal(typeof env.client.sms.sendSmsMessages, 'function');
  assert.equal(typeof env.client.tfa.sendPin, 'function');
  assert.equal(typeof env.client.tfa.send2faPinCodeOverSms, 'function');
});

test('whatsapp.sendWhatsappTemplateMessage: the body the emulator got, and a typed result', async () => {
  await env.emu.admin('DELETE', '/requests');
  const message = {
    from: '441134960000',
    to: '441134960001',
    content: { templateName: 'welcome', templateData: { body: { placeholders: ['Ana'] } }, language: 'en' },
  };
  const sent = await env.client.whatsapp.sendWhatsappTemplateMessage({ messages: [message] });
  const [seen] = await env.emu.requests('/whatsapp/1/message/template');
  assert.equal(seen.method, 'POST');
  const body = typeof seen.body === 'string' ? JSON.parse(seen.body) : seen.body;
  assert.equal(body.messages[0].content.templateName, 'welcome');
  assert.equal(body.messages[0].to, '441134960001');
  assert.equal(sent.messages[0].to, '441134960001');
  assert.equal(typeof sent.messages[0].messageId, 'string');
  assert.equal(typeof sent.messages[0].status.groupName, 'string');
  assert.equal(sent.$response.status, 200);
  assert.equal(typeof sent.$response.requestId, 'string');
  assert.equal(typeof sent.$response.headers['content-type'], 'string');
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(sent))).sort(), Object.keys(sent).sort());
});

test('email.sendEmailMessagesApi (v4 JSON): path and body sent, typed result', async () => {
  await env.emu.admin('DELETE', '/requests');
  const sent = await env.client.email.sendEmailMessagesApi({
    messages: [
      {
        sender: 'jenny.smith@company.com',
        destinations: [{ to: [{ destination: 'john.smith@company.com' }] }],
        content: { subject: 'Test message', text: 'Test body' },
      },
    ],
  });
  const [seen] = await env.emu.requests('/email/4/messages');
  assert.equal(seen.method, 'POST');
  const body = typeof seen.body === 'string' ? JSON.parse(seen.body) : seen.body;
  assert.equal(body.messages[0].content.subject, 'Test message');
  assert.ok(Array.isArray(sent.messages), JSON.stringify(sent));
  assert.equal(sent.$response.status, 200);
});

test('an unknown key or a wrong type is a ValidationError naming its path; nothing is sent; validate: false sends', async () => {
  await env.emu.admin('DELETE', '/requests');
  const wrong = await env.client.whatsapp
    .sendWhatsappTemplateMessage({ messages: [{ from: 1, to: '441134960001', content: {} }] })
    .catch((e) => e);
  assert.ok(wrong instanceof ValidationError, `${wrong.name}: ${wrong.message}`);
  assert.ok(wrong.violations.some((v) => v.property.startsWith('/messages/0/from')), JSON.stringify(wrong.violations));
  const unknown = await env.client.sms.getOutboundSmsMessageLogsV3({ nope: 1 }).catch((e) => e);
  assert.ok(unknown instanceof ValidationError, `${unknown.name}: ${unknown.message}`);
  assert.ok(unknown.violations.some((v) => v.property === 'query.nope'), JSON.stringify(unknown.violations));
  const notObject = await env.client.sms.getOutboundSmsMessageLogsV3('x').catch((e) => e);
  assert.ok(notObject instanceof ValidationError);
  assert.deepEqual(await env.emu.requests(), []);
  await env.client.sms.getOutboundSmsMessageLogsV3({ limit: 1, nope: 'x' }, { validate: false });
  const [seen] = await env.emu.requests('/sms/3/logs');
  assert.match(seen.query ?? seen.uri ?? '', /nope=x/);
});

test('paging: for await goes through every item of every page, and the first page is awaitable', async () => {
  const sent = await env.client.sms.send({
    messages: Array.from({ length: 5 }, (_, i) => ({ destinations: [{ to: `4179302672${i}` }], content: { text: 'paged' } })),
  });
  const bulkId = sent.bulkId;
  const first = await env.client.sms.getOutboundSmsMessageLogsV3({ bulkId: [bulkId], limit: 2, useCursor: true });
  assert.equal(first.results.length, 2);
  assert.ok(first.results[0].sentAt instanceof Date, String(first.results[0].sentAt));
  const seen = [];
  for await (const log of env.client.sms.getOutboundSmsMessageLogsV3({ bulkId: [bulkId], limit: 2, useCursor: true })) {
    assert.ok(log.sentAt instanceof Date);
    seen.push(log.messageId);
  }
  assert.equal(seen.length, 5);
  assert.equal(new Set(seen).size, 5);
  let pages = 0;
  for await (const page of env.client.sms.getOutboundSmsMessageLogsV3({ bulkId: [bulkId], limit: 2, useCursor: true }).pages()) {
    pages += 1;
    assert.equal(page.$response.status, 200);
  }
  assert.equal(pages, 3);
});

test('readers: every Infobip date-time form becomes a Date; unknown enum values and fields are kept', () => {
  const { read } = require('../lib/generated/sms.js');
  const forms = ['2026-01-01T10:00:00.000+0000', '2026-01-01T10:00:00+00:00', '2026-01-01T10:00:00Z', '2026-01-01T12:00:00.000+0200', '2026-01-01T12:00:00+02', 1767261600000];
  for (const form of forms) {
    const report = read.DeliveryReport({ sentAt: form, status: { groupName: 'SOMETHING_NEW' }, extra: { a: 1 } });
    assert.ok(report.sentAt instanceof Date, `${form}`);
    assert.equal(report.sentAt.getTime(), 1767261600000, `${form}`);
    assert.equal(report.status.groupName, 'SOMETHING_NEW');
    assert.deepEqual(report.extra, { a: 1 });
  }
  const odd = read.DeliveryReport({ sentAt: 'not a date', doneAt: null });
  assert.equal(odd.sentAt, 'not a date');
  assert.equal(odd.doneAt, null);
});

/** Products whose every operation takes a body: one call each, with a body its schema accepts. */
const WITH_BODY = {
  aiAssistants: ['queryAiAssistant', { assistantId: 'a1', message: 'What is my balance?' }],
  answers: ['startTest', { botId: 7, webhookUrl: 'https://example.com/hook' }],
  billingUsageApi: [
    'queryBillingUsage',
    { callbackUrl: 'https://example.com/receive', request: { filterBy: { dateInterval: { sentSince: '2026-03-01', sentUntil: '2026-04-01' } }, aggregateBy: ['COUNTRY_NAME'] } },
  ],
  mobileIdentity: ['silentMobileVerification', { consentGranted: true, phoneNumber: '41793026727', callbackUrl: 'https://example.com/cb' }],
  openChannel: ['sendOpenChannelInboundMessage', { sender: 'user-1', destination: 'app-1', content: { body: { type: 'TEXT', text: 'Hi' } } }],
};

/** The request the emulator got for one call: exactly one, with the operation's method and path. */
async function reached(name, method, params) {
  const operation = require(`../lib/generated/${name}.js`).OPERATIONS[method];
  const listed = operations().find((o) => o.id === operation.id);
  await env.emu.admin('DELETE', '/requests');
  const result = await env.client[name][method](params).catch((e) => e);
  if (result instanceof ValidationError) return { result };
  const requests = await env.emu.requests();
  if (requests.length !== 1) return { result };
  assert.equal(requests[0].method, listed.method, operation.id);
  const template = new RegExp(`^${listed.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
  assert.match(requests[0].path, template, operation.id);
  return { result, request: requests[0] };
}

test('every product: one generated call reaches the emulator with its method and path', async () => {
  const catalog = new Map(operations().map((o) => [o.id, o]));
  const missed = [];
  for (const [name, module] of modules()) {
    const entries = Object.entries(module.OPERATIONS);
    const get = ([, op]) => catalog.get(op.id).method === 'GET';
    const noPath = ([, op]) => ![...op.params.values()].some((p) => p.at === 'path');
    const candidates = [...entries.filter((e) => get(e) && noPath(e)), ...entries.filter((e) => get(e) && !noPath(e)), ...entries.filter((e) => !get(e))];
    let done = false;
    if (WITH_BODY[name] !== undefined) {
      const [method, params] = WITH_BODY[name];
      const { result, request } = await reached(name, method, params);
      assert.ok(request !== undefined, `${name}.${method}: ${result?.message}`);
      const body = typeof request.body === 'string' ? JSON.parse(request.body) : request.body;
      for (const [key, value] of Object.entries(params)) if (typeof value !== 'object' && !module.OPERATIONS[method].params.has(key)) assert.equal(body[key], value, `${name}.${method} ${key}`);
      done = true;
    }
    for (const [method, operation] of done ? [] : candidates) {
      const params = {};
      for (const [param, { at }] of operation.params) if (at === 'path') params[param] = 'id1';
      const { result, request } = await reached(name, method, params);
      if (request === undefined) continue;
      if (!(result instanceof Error)) {
        assert.equal(typeof result.$response.status, 'number', operation.id);
        assert.equal(typeof result.toJSON, 'function', operation.id);
      }
      done = true;
      break;
    }
    if (!done) missed.push(name);
  }
  assert.deepEqual(missed, []);
});
