// The send rule through the generated methods: a WhatsApp or Viber send that may have been
// written and got no clear answer (a delay past the timeout, a connection cut after the status
// line) ends with OutcomeUnknownError carrying the ids it went out with, and the emulator saw it
// exactly once; an aborted send carries its ids too; a cycle or nesting past the limit in a
// method's params is a ValidationError naming its path, and nothing is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator } from './emulator.mjs';
import { Infobip, OutcomeUnknownError, AbortError, ValidationError } from '../index.mjs';

const env = useEmulator(Infobip);

async function failure(promise) {
  return promise.then(
    (value) => assert.fail(`resolved with ${JSON.stringify(value)}`),
    (e) => e,
  );
}

/** The one request the emulator received under `path`, its JSON body read. */
async function onlyRequest(path) {
  const seen = await env.emu.requests(path);
  assert.equal(seen.length, 1, `exactly one request to ${path}, got ${seen.length}`);
  return typeof seen[0].body === 'string' ? JSON.parse(seen[0].body) : seen[0].body;
}

/** Polls (bounded: 200 × 20 ms) until the emulator has received a request under `path`. */
async function received(path) {
  for (let i = 0; i < 200; i += 1) {
    if ((await env.emu.requests(path)).length > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`no request to ${path} within 4 s`);
}

const TEMPLATE = {
  from: '441134960000',
  content: { templateName: 'welcome', templateData: { body: { placeholders: ['Ana'] } }, language: 'en' },
};

const VIBER = {
  messages: [
    {
      sender: '441134960000',
      destinations: [{ to: '441134960001' }, { to: '441134960002', messageId: 'mine' }],
      content: { text: 'Hi', type: 'TEXT' },
    },
  ],
};

test('whatsapp.sendWhatsappTemplateMessage past its timeout: OutcomeUnknownError with the ids sent, sent once', async () => {
  await env.emu.reset();
  await env.emu.fault({ path: '/whatsapp/1/message/template', kind: 'delay', delayMs: 1500 });
  const params = { messages: [{ ...TEMPLATE, to: '441134960001' }, { ...TEMPLATE, to: '441134960002', messageId: 'mine' }] };
  const e = await failure(env.client.whatsapp.sendWhatsappTemplateMessage(params, { timeout: 300 }));
  assert.ok(e instanceof OutcomeUnknownError, `${e.name}: ${e.message}`);
  assert.equal(e.code, 'outcome_unknown');
  const body = await onlyRequest('/whatsapp/1/message/template');
  assert.equal(typeof body.bulkId, 'string');
  assert.equal(e.bulkId, body.bulkId);
  assert.deepEqual(e.messageIds, body.messages.map((m) => m.messageId));
  assert.equal(e.messageIds.length, 2);
  assert.equal(e.messageIds[1], 'mine', "the caller's id is kept");
  assert.notEqual(e.messageIds[0], 'mine');
  // The caller's params object is not changed by the ids the SDK assigned.
  assert.equal(params.messages[0].messageId, undefined);
});

test('viber.sendViberMessages past its timeout: OutcomeUnknownError with the ids sent, sent once', async () => {
  await env.emu.reset();
  await env.emu.fault({ path: '/viber/2/messages', kind: 'delay', delayMs: 1500 });
  const e = await failure(env.client.viber.sendViberMessages(VIBER, { timeout: 300 }));
  assert.ok(e instanceof OutcomeUnknownError, `${e.name}: ${e.message}`);
  const body = await onlyRequest('/viber/2/messages');
  const destinations = body.messages[0].destinations;
  assert.deepEqual(e.messageIds, destinations.map((d) => d.messageId));
  assert.equal(e.messageIds.length, 2);
  assert.equal(e.messageIds[1], 'mine');
  assert.equal(typeof e.messageIds[0], 'string');
  assert.equal(typeof body.options.schedule.bulkId, 'string', 'the SDK put a bulk id in options.schedule');
  assert.equal(e.bulkId, body.options.schedule.bulkId);
});

test('a connection cut after the status line on a WhatsApp and a Viber send: OutcomeUnknownError, sent once', async () => {
  await env.emu.reset();
  await env.emu.fault({ path: '/whatsapp/1/message/text', kind: 'reset_after_status_line' });
  const text = await failure(
    env.client.whatsapp.sendWhatsappTextMessage({ from: '441134960000', to: '441134960001', content: { text: 'Hi' } }),
  );
  assert.ok(text instanceof OutcomeUnknownError, `${text.name}: ${text.message}`);
  const sent = await onlyRequest('/whatsapp/1/message/text');
  assert.deepEqual(text.messageIds, [sent.messageId]);
  await env.emu.fault({ path: '/viber/2/messages', kind: 'reset_after_status_line' });
  const viber = await failure(env.client.viber.sendViberMessages(VIBER));
  assert.ok(viber instanceof OutcomeUnknownError, `${viber.name}: ${viber.message}`);
  const body = await onlyRequest('/viber/2/messages');
  assert.deepEqual(viber.messageIds, body.messages[0].destinations.map((d) => d.messageId));
});

test('a generated send aborted after it was written: AbortError with its ids', async () => {
  await env.emu.reset();
  await env.emu.fault({ path: '/whatsapp/1/message/text', kind: 'delay', delayMs: 3000 });
  const controller = new AbortController();
  const sending = env.client.whatsapp.sendWhatsappTextMessage(
    { from: '441134960000', to: '441134960001', content: { text: 'Hi' } },
    { signal: controller.signal },
  );
  await received('/whatsapp/1/message/text');
  controller.abort();
  const e = await failure(sending);
  assert.ok(e instanceof AbortError, `${e.name}: ${e.message}`);
  const sent = await onlyRequest('/whatsapp/1/message/text');
  assert.deepEqual(e.messageIds, [sent.messageId]);
});

test('a cycle or nesting past 128 levels in a generated method\'s params: ValidationError naming the path, nothing sent', async () => {
  await env.emu.reset();
  const cyclic = { from: '441134960000', to: '441134960001', content: { text: 'Hi' } };
  cyclic.content.again = cyclic;
  const cycle = await failure(env.client.whatsapp.sendWhatsappTextMessage(cyclic));
  assert.ok(cycle instanceof ValidationError, `${cycle.name}: ${cycle.message}`);
  assert.equal(cycle.violations[0].property, 'params.content.again');
  let deep = { text: 'Hi' };
  for (let i = 0; i < 200; i += 1) deep = { deep };
  const nested = await failure(
    env.client.whatsapp.sendWhatsappTextMessage({ from: '441134960000', to: '441134960001', content: deep }),
  );
  assert.ok(nested instanceof ValidationError, `${nested.name}: ${nested.message}`);
  assert.match(nested.violations[0].property, /^params\.content(\.deep)+$/);
  assert.match(nested.message, /128/);
  assert.deepEqual(await env.emu.requests(), []);
});
