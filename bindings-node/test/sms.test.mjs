// Typed SMS and 2FA against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from './emulator.mjs';
import { Infobip, ValidationError, OutcomeUnknownError, NotFoundError } from '../index.mjs';

let emu;
let client;
before(async () => {
  emu = await startEmulator(['--delivery-delay-ms', '0']);
  client = new Infobip({ baseUrl: emu.url, apiKey: emu.apiKey });
});
after(async () => {
  await emu?.stop();
});

test('sms.send: the short form, results as plain camelCase objects', async () => {
  const r = await client.sms.send({ to: '41793026727', text: 'Hello', sender: 'InfoSMS' });
  assert.equal(typeof r.bulkId, 'string');
  assert.equal(typeof r.messages[0].messageId, 'string');
  assert.equal(r.messages[0].status.groupName, 'PENDING');
  assert.equal(typeof r.requestId, 'string');
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  const [seen] = (await emu.requests('/sms/3/messages')).slice(-1);
  const sent = JSON.parse(seen.body);
  assert.equal(sent.messages[0].destinations[0].to, '41793026727');
  assert.equal(sent.messages[0].content.text, 'Hello');
  assert.equal(sent.bulkId ?? sent.options?.bulkId ?? r.bulkId, r.bulkId);
});

test('sms.send: the full form with a Date in, scheduled, then bulk calls', async () => {
  const sendAt = new Date(Date.now() + 3_600_000);
  const r = await client.sms.send(
    { messages: [{ destinations: [{ to: '41793026727' }, { to: '41793026728' }], sender: 'InfoSMS', content: { text: 'Later' } }], options: { schedule: { sendAt } } },
    { maxRetries: 0, timeout: 10_000 },
  );
  assert.equal(r.messages.length, 2);
  const [seen] = (await emu.requests('/sms/3/messages')).slice(-1);
  assert.match(JSON.parse(seen.body).options.schedule.sendAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  const schedule = await client.sms.getBulkSchedule(r.bulkId);
  assert.ok(schedule.sendAt instanceof Date, `a Date out: ${schedule.sendAt}`);
  assert.equal(schedule.sendAt.getTime(), sendAt.getTime());
  const later = new Date(Date.now() + 7_200_000);
  const moved = await client.sms.rescheduleBulk(r.bulkId, later);
  assert.ok(moved.sendAt instanceof Date);
  assert.equal(moved.sendAt.getTime(), later.getTime());
  const bad = await client.sms.rescheduleBulk(r.bulkId, new Date('nope')).catch((e) => e);
  assert.ok(bad instanceof ValidationError && bad.violations[0].property === 'sendAt', String(bad));
  assert.equal((await client.sms.getBulkStatus(r.bulkId)).status, 'PENDING');
  assert.equal((await client.sms.pauseBulk(r.bulkId)).status, 'PAUSED');
  assert.equal((await client.sms.resumeBulk(r.bulkId)).status, 'PENDING');
  assert.equal((await client.sms.cancelBulk(r.bulkId)).status, 'CANCELED');
});

test('sms.logs is an async iterator over every page; deliveryReports; preview; inbound', async () => {
  const r = await client.sms.send({ messages: [{ destinations: Array.from({ length: 5 }, (_, i) => ({ to: `4179302670${i}` })), content: { text: 'Logs' } }] });
  await emu.admin('POST', '/reports/flush', {});
  const seen = [];
  for await (const log of client.sms.logs({ bulkId: r.bulkId, limit: 2 })) seen.push(log);
  assert.equal(seen.length, 5);
  assert.ok(seen.every((l) => l.bulkId === r.bulkId));
  assert.ok(seen.every((l) => l.sentAt instanceof Date && !Number.isNaN(l.sentAt.getTime())), 'log dates are Dates');
  const pages = (await emu.requests('/sms/3/logs')).length;
  assert.ok(pages >= 3, `${pages} pages`);
  const reports = await client.sms.deliveryReports({ bulkId: r.bulkId, limit: 10 });
  assert.ok(Array.isArray(reports.results));
  const preview = await client.sms.preview({ text: 'Hello preview' });
  assert.equal(preview.previews[0].messageCount, 1);
  await emu.admin('POST', '/inbound', { from: '41793026727', to: '447860099299', text: 'Hi there' });
  const inbound = await client.sms.inbound({ limit: 10 });
  assert.ok(inbound.results.some((m) => m.cleanText === 'Hi there' || m.text === 'Hi there'), JSON.stringify(inbound));
});

test('bad input is a ValidationError naming the field, and nothing is sent', async () => {
  await emu.admin('DELETE', '/requests');
  const cases = [
    [{ to: 41793026727, text: 'x' }, 'to'],
    [{ text: 'x' }, 'request'],
    [{ messages: [{ destinations: [{ to: '' }], content: { text: 'x' } }] }, 'messages[0].destinations[0].to'],
    [{ messages: [{ destinations: 'nope', content: { text: 'x' } }] }, 'messages[0].destinations'],
    [{ messages: [{ destinations: [{ to: '41793026727' }], content: { text: 'x' } }], options: { schedule: { sendAt: new Date('garbage') } } }, 'options.schedule.sendAt'],
  ];
  for (const [request, field] of cases) {
    const e = await client.sms.send(request).catch((err) => err);
    assert.ok(e instanceof ValidationError, `${JSON.stringify(request)}: ${e}`);
    assert.equal(e.code, 'validation');
    assert.ok(e.violations.some((v) => v.property.startsWith(field)), `${field}: ${JSON.stringify(e.violations)}`);
  }
  const bad = await client.sms.logs({ sentSince: 'yesterday' }).next().catch((err) => err);
  assert.ok(bad instanceof ValidationError && bad.violations[0].property === 'sentSince', String(bad));
  const inbound = await client.sms.inbound({ limit: 'ten' }).catch((err) => err);
  assert.ok(inbound instanceof ValidationError && inbound.violations[0].property === 'limit', String(inbound));
  const bulk = await client.sms.pauseBulk(42).catch((err) => err);
  assert.ok(bulk instanceof ValidationError && bulk.violations[0].property === 'bulkId', String(bulk));
  const pinId = await client.tfa.verifyPin(undefined, { pin: '1' }).catch((err) => err);
  assert.ok(pinId instanceof ValidationError && pinId.violations[0].property === 'pinId', String(pinId));
  const unknown = await client.sms.deliveryReports({ bulk: 'x' }).catch((err) => err);
  assert.ok(unknown instanceof ValidationError && /bulk/.test(unknown.message), String(unknown));
  assert.equal((await emu.requests('/sms')).length + (await emu.requests('/2fa')).length, 0, 'nothing was sent');
});

test('a send that times out is an OutcomeUnknownError with the assigned ids', async () => {
  await emu.fault({ path: '/sms/3/messages', kind: 'delay', delayMs: 2000 });
  const e = await client.sms.send({ to: '41793026727', text: 'Slow' }, { timeout: 200 }).catch((err) => err);
  assert.ok(e instanceof OutcomeUnknownError, String(e));
  assert.equal(typeof e.bulkId, 'string');
  assert.equal(e.messageIds.length, 1);
});

test('2FA: application, template, send, verify, resend, verifications', async () => {
  const app = await client.tfa.createApplication({ name: 'node-app', enabled: true, configuration: { pinAttempts: 3 } });
  assert.equal(typeof app.applicationId, 'string');
  assert.ok((await client.tfa.applications()).some((a) => a.applicationId === app.applicationId));
  assert.equal((await client.tfa.application(app.applicationId)).name, 'node-app');
  await client.tfa.updateApplication(app.applicationId, { name: 'node-app-2' });
  const template = await client.tfa.createTemplate(app.applicationId, { pinType: 'NUMERIC', pinLength: 4, messageText: 'Your PIN is {{pin}}' });
  assert.equal(typeof template.messageId, 'string');
  assert.ok((await client.tfa.templates(app.applicationId)).length >= 1);
  assert.equal((await client.tfa.template(app.applicationId, template.messageId)).pinLength, 4);
  await client.tfa.updateTemplate(app.applicationId, template.messageId, { pinType: 'NUMERIC', pinLength: 4, messageText: 'PIN: {{pin}}' });
  const sent = await client.tfa.sendPin({ applicationId: app.applicationId, messageId: template.messageId, to: '41793026727' });
  assert.equal(typeof sent.pinId, 'string');
  const resent = await client.tfa.resendPin(sent.pinId);
  assert.equal(typeof resent.pinId, 'string');
  const wrong = await client.tfa.verifyPin(sent.pinId, { pin: '0000' }).catch((e) => e);
  const { pin } = await emu.admin('GET', `/2fa/pins/${encodeURIComponent(sent.pinId)}`);
  const verified = await client.tfa.verifyPin(sent.pinId, { pin });
  assert.equal(verified.verified, true, JSON.stringify({ verified, wrong: String(wrong) }));
  const status = await client.tfa.verifications(app.applicationId, { msisdn: '41793026727' });
  assert.ok(Array.isArray(status.verifications));
  const missing = await client.tfa.application('no-such-app').catch((e) => e);
  assert.ok(missing instanceof NotFoundError, String(missing));
  const noPin = await client.tfa.verifyPin(sent.pinId, {}).catch((e) => e);
  assert.ok(noPin instanceof ValidationError && noPin.violations[0].property === 'request', String(noPin));
});

test('the remaining SMS and 2FA calls reach their endpoints', async () => {
  await emu.admin('DELETE', '/requests');
  const settle = (p) => p.then((v) => v, (e) => e);
  const app = await client.tfa.createApplication({ name: 'node-other' });
  const template = await client.tfa.createTemplate(app.applicationId, { pinType: 'NUMERIC', pinLength: 4, messageText: 'PIN {{pin}}' });
  const pin = { applicationId: app.applicationId, messageId: template.messageId, to: '41793026727' };
  const results = {
    logConversion: await settle(client.sms.logConversion('some-message-id')),
    sendPinVoice: await settle(client.tfa.sendPinVoice(pin)),
    sendPinEmail: await settle(client.tfa.sendPinEmail({ ...pin, to: 'someone@example.com' })),
    createEmailTemplate: await settle(client.tfa.createEmailTemplate(app.applicationId, { emailTemplateId: 1, from: 'a@example.com', pinType: 'NUMERIC', pinLength: 4 })),
    updateEmailTemplate: await settle(client.tfa.updateEmailTemplate(app.applicationId, template.messageId, { emailTemplateId: 1, from: 'a@example.com', pinType: 'NUMERIC', pinLength: 4 })),
  };
  const sent = results.sendPinVoice;
  if (sent?.pinId) {
    results.resendPinVoice = await settle(client.tfa.resendPinVoice(sent.pinId));
    results.resendPinEmail = await settle(client.tfa.resendPinEmail(sent.pinId));
  }
  for (const [name, result] of Object.entries(results)) {
    // Each call either succeeds with a plain object or fails with a typed API error, never a bare Error.
    assert.ok(!(result instanceof Error) || result.constructor.name.endsWith('Error') && 'code' in result, `${name}: ${result}`);
    assert.ok(!(result instanceof Error) || !(result.code === 'validation'), `${name} refused locally: ${result}`);
  }
  const paths = new Set((await emu.requests()).map((r) => `${r.method} ${r.path.replace(/\/[^/]*-[^/]*$/, '/{id}')}`));
  for (const expected of ['POST /ct/1/log/end/{id}', 'POST /2fa/2/pin/voice', 'POST /2fa/2/pin/email']) {
    assert.ok(paths.has(expected), `${expected} not in ${[...paths].join(', ')}`);
  }
});

test('sms.sendQuery: one or many destinations over GET /sms/3/text/query, a Date in, ids assigned', async () => {
  const sendAt = new Date(Date.now() + 3_600_000);
  const r = await client.sms.sendQuery({ to: ['41793026727', '41793026728'], text: 'Via query', from: 'InfoSMS', sendAt });
  assert.equal(typeof r.bulkId, 'string');
  assert.equal(r.messages.length, 2);
  assert.equal(typeof r.requestId, 'string');
  const [seen] = (await emu.requests('/sms/3/text/query')).slice(-1);
  assert.equal(seen.method, 'GET');
  const query = new URLSearchParams(seen.query);
  assert.deepEqual(query.getAll('to'), ['41793026727', '41793026728']);
  assert.equal(query.get('bulkId'), r.bulkId);
  assert.match(query.get('sendAt'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  const one = await client.sms.sendQuery({ to: '41793026727', text: 'One' });
  assert.equal(one.messages.length, 1);
  await emu.admin('DELETE', '/requests');
  const bad = await client.sms.sendQuery({ to: '41793026727', text: 'x', sender: 'nope' }).catch((e) => e);
  assert.ok(bad instanceof ValidationError && /sender/.test(bad.message), String(bad));
  const empty = await client.sms.sendQuery({ to: [], text: 'x' }).catch((e) => e);
  assert.ok(empty instanceof ValidationError && empty.violations[0].property === 'to', String(empty));
  assert.equal((await emu.requests('/sms')).length, 0, 'nothing was sent');
});

test('sms.sendV2Text / sendV2Binary and deliveryReportsV1: the legacy v2 sends and v1 reports', async () => {
  const text = await client.sms.sendV2Text({ messages: [{ from: 'InfoSMS', destinations: [{ to: '41793026727' }], text: 'Legacy' }] });
  assert.equal(typeof text.bulkId, 'string');
  assert.equal(typeof text.messages[0].messageId, 'string');
  assert.equal(text.messages[0].status.groupName, 'PENDING');
  assert.equal(typeof text.requestId, 'string');
  const [seen] = (await emu.requests('/sms/2/text/advanced')).slice(-1);
  const body = JSON.parse(seen.body);
  assert.equal(body.bulkId, text.bulkId);
  assert.equal(body.messages[0].destinations[0].messageId, text.messages[0].messageId);
  const binary = await client.sms.sendV2Binary({ messages: [{ destinations: [{ to: '41793026727' }], binary: { hex: '48 69', dataCoding: 0 } }] });
  assert.equal(binary.messages.length, 1);
  assert.equal((await emu.requests('/sms/2/binary/advanced')).length, 1);
  await emu.admin('POST', '/reports/flush', {});
  const reports = await client.sms.deliveryReportsV1({ bulkId: text.bulkId });
  assert.ok(Array.isArray(reports.results));
  for (const report of reports.results) assert.ok(report.doneAt === undefined || report.doneAt instanceof Date);
  const none = await client.sms.sendV2Text({ messages: [] }).catch((e) => e);
  assert.ok(none instanceof ValidationError && none.violations[0].property === 'messages', String(none));
});
