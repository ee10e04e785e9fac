// The emulator's inbox page in a real browser (Debian's chromium driven by playwright-core):
// messages sent through the Python package appear live; a reply, a final status and a push again
// from the page reach the test's webhook receiver; message text is shown as text; every view has
// no serious or critical axe-core violation; the page works with the keyboard and on a phone.
// Screenshots of each step go to target/inbox-ui/. Figures are printed as `figure: …` lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BINARY = process.env.INFOBIP_EMULATOR_BIN ?? path.join(ROOT, 'target', 'debug', 'infobip-emulator');
const PYTHON = process.env.INFOBIP_PYTHON ?? path.join(ROOT, 'bindings-python', '.venv', 'bin', 'python');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'target', 'inbox-ui');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DEADLINE = 15_000; // for anything the page or the emulator should do "at once", on a loaded machine

const work = mkdtempSync(path.join(tmpdir(), 'inbox-ui-'));
let emulator;
let receiver;
let context;
let page;
let base;
let inbox;
let apiKey;

/** Polls `check` (sync or async) every 50 ms until it returns a truthy value or the deadline passes. */
async function waitFor(what, check, timeout = DEADLINE) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A webhook receiver on 127.0.0.1: every JSON body it gets, by path. It also serves `/attack`, a
 * page of another origin that tries to change the emulator's state (`?target=` the emulator).
 */
function startReceiver() {
  const bodies = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url.startsWith('/attack')) {
      const target = new URL(req.url, 'http://x').searchParams.get('target');
      const script = `Promise.allSettled([
        fetch(${JSON.stringify(`${target}/_emulator/reset`)}, { method: 'POST', mode: 'no-cors' }),
        fetch(${JSON.stringify(`${target}/_emulator/faults`)}, { method: 'POST', mode: 'no-cors', body: '{"status":500}' }),
      ]).then(() => { document.title = 'attempted'; });`;
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>attack</title><script>${script}</script>`);
      return;
    }
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        bodies.push({ path: req.url, body: JSON.parse(data) });
      } catch {
        bodies.push({ path: req.url, body: null });
      }
      res.writeHead(200).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, bodies, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

const results = (p) => receiver.bodies.filter((b) => b.path === p).flatMap((b) => (b.body && b.body.results) || []);

/** Starts the emulator and reads its two lines: the listening line and the inbox line. */
async function startEmulator(config) {
  const file = path.join(work, 'emulator.toml');
  writeFileSync(file, config);
  const child = spawn(BINARY, ['--port', '0', '--config', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const read = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator did not start in 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
    lines.on('line', (line) => {
      read.push(line);
      if (read.length === 2) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const m = /^Infobip emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(API key: (.+)\)$/.exec(read[0]);
  assert.ok(m, read[0]);
  assert.equal(read[1], `Inbox: ${m[1]}/_emulator/ui/`);
  return { child, base: m[1], apiKey: m[2], inbox: read[1].slice('Inbox: '.length) };
}

/** Runs Python code with the SDK package against the emulator; returns its JSON output. */
function python(code) {
  const out = execFileSync(PYTHON, ['-c', code], {
    env: { ...process.env, EMULATOR_URL: base, EMULATOR_KEY: apiKey, RECEIVER: receiver.url },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

let shot = 0;
async function screenshot(name) {
  shot += 1;
  const file = path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** axe-core on the page as it is: no serious or critical violation. */
async function accessible(view) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${view}: ${JSON.stringify(bad)}`);
  console.log(`axe ${view}: 0 serious or critical (${violations.length} minor: ${violations.map((v) => v.id).join(', ') || 'none'})`);
}

const threadLink = (destination, channel) =>
  page.locator('a.thread-link').filter({ hasText: destination }).filter({ hasText: channel });

before(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  receiver = await startReceiver();
  // Messages stay PENDING until the page gives them a final status.
  ({ child: emulator, base, apiKey, inbox } = await startEmulator(
    [
      'delivery_delay_ms = 3600000',
      'max_body_bytes = 16777216',
      `default_delivery_webhook_url = "${receiver.url}/dlr"`,
      `inbound_webhook_url = "${receiver.url}/mo"`,
      'webhook_retry_initial_ms = 50',
    ].join('\n'),
  ));
  context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(DEADLINE);
  page = context.pages()[0] ?? (await context.newPage());
});

after(async () => {
  if (context) await context.close();
  if (emulator) emulator.kill('SIGTERM');
  if (receiver) receiver.server.close();
  rmSync(work, { recursive: true, force: true });
});

test('the inbox: live threads, reply, final status, push again, escaping, keyboard, phone, axe', async () => {
  // The page, before anything is sent.
  const opened = Date.now();
  await page.goto(inbox);
  await page.locator('#live', { hasText: 'Live' }).waitFor();
  const paint = await page.evaluate(() => {
    const p = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return p ? Math.round(p.startTime) : null;
  });
  console.log(`figure: first contentful paint ${paint} ms (page live after ${Date.now() - opened} ms)`);
  await screenshot('empty');
  await accessible('conversations, empty');

  // 3 SMS and 1 WhatsApp message through the Python package; they appear without a reload.
  const sent = python(`
import json, os, infobip
client = infobip.Client(os.environ["EMULATOR_URL"], api_key=os.environ["EMULATOR_KEY"])
ids = []
for to, text in [("41793026727", "Hello from Python"), ("41793026727", "<script>window.__xss = 1</script><img src=x onerror=window.__xss=2>"), ("41793026728", "Čaj ✓ — your code is 1234")]:
    ids.append(client.sms.send(to=to, text=text, sender="InfoSMS").messages[0].message_id)
wa = client.call("send-whatsapp-text-message", body={"from": "441134960000", "to": "441134960001", "content": {"text": "WhatsApp from Python"}, "notifyUrl": os.environ["RECEIVER"] + "/dlr"})
ids.append(wa.json()["messageId"])
print(json.dumps(ids))
`);
  const afterSend = Date.now();
  assert.equal(sent.length, 4);
  await waitFor('3 threads on the page', async () => (await page.locator('a.thread-link').count()) === 3);
  console.log(`figure: threads shown ${Date.now() - afterSend} ms after the Python sends returned (no reload)`);
  await screenshot('threads');

  // The SMS thread: newest last; <script> is text.
  await threadLink('41793026727', 'SMS').click();
  await page.locator('#thread-title', { hasText: 'SMS with 41793026727' }).waitFor();
  const bubbles = page.locator('#messages .msg-out .bubble');
  await waitFor('2 messages', async () => (await bubbles.count()) === 2);
  assert.equal(await bubbles.nth(0).locator('.text').textContent(), 'Hello from Python');
  assert.equal(
    await bubbles.nth(1).locator('.text').textContent(),
    '<script>window.__xss = 1</script><img src=x onerror=window.__xss=2>',
  );
  assert.equal(await page.locator('#messages script, #messages img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await screenshot('thread-escaped');

  // Reply from the page: the receiver gets the inbound push.
  await page.locator('#reply-text').fill('Yes, confirmed');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const mo = await waitFor('the inbound push', () => results('/mo').find((r) => r.text === 'Yes, confirmed'));
  assert.equal(mo.from, '41793026727');
  assert.equal(mo.to, 'InfoSMS');
  await page.locator('#messages .msg-in', { hasText: 'Yes, confirmed' }).waitFor();
  await screenshot('reply');

  // Set UNDELIVERABLE: the receiver gets a report with that status, at once.
  const first = page.locator('#messages li.msg-out').first();
  await first.locator('summary', { hasText: 'Details' }).click();
  await first.getByRole('button', { name: 'Undeliverable' }).click();
  const report = await waitFor('the UNDELIVERABLE report', () =>
    results('/dlr').find((r) => r.messageId === sent[0] && r.status.groupName === 'UNDELIVERABLE'));
  assert.equal(report.status.name, 'UNDELIVERABLE_NOT_DELIVERED');
  assert.equal(report.to, '41793026727');
  await page.locator('#messages li.msg-out').first().locator('.meta', { hasText: 'UNDELIVERABLE_NOT_DELIVERED' }).waitFor();
  await screenshot('undeliverable');

  // Push again: the same report a second time; both attempts are listed.
  await page.locator('#messages li.msg-out').first().getByRole('button', { name: 'Push again' }).click();
  await waitFor('the report a second time', () => results('/dlr').filter((r) => r.messageId === sent[0]).length === 2);
  await waitFor('2 attempts listed', async () =>
    (await page.locator('#messages li.msg-out').first().locator('table.attempts tbody tr').count()) === 2);
  await screenshot('pushed-again');
  await accessible('conversation with details open');

  // A page of another origin cannot change the emulator's state (its requests are refused).
  const attacker = await context.newPage();
  await attacker.goto(`${receiver.url}/attack?target=${encodeURIComponent(base)}`);
  await attacker.waitForFunction(() => document.title === 'attempted');
  await attacker.close();
  const overview = await (await fetch(`${base}/_emulator/ui/api/overview`)).json();
  assert.equal(overview.messages, 4, 'not reset by the other origin');
  assert.equal(overview.faults, 0, 'no fault queued by the other origin');

  // The WhatsApp thread.
  await threadLink('441134960001', 'WhatsApp').click();
  await page.locator('#messages .bubble', { hasText: 'WhatsApp from Python' }).waitFor();
  await screenshot('whatsapp');

  // Keyboard alone: Tab to a conversation, Enter opens it, Escape goes back.
  await page.goto(`${inbox}#/threads`);
  await page.locator('a.thread-link').first().waitFor();
  await page.locator('body').focus();
  const reached = await waitFor('a conversation by Tab', async () => {
    await page.keyboard.press('Tab');
    return page.evaluate(() => document.activeElement && document.activeElement.classList.contains('thread-link'));
  }, 30_000);
  assert.ok(reached);
  await page.keyboard.press('Enter');
  await page.locator('#thread-title').waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/threads\/\d+$/);
  await waitFor('focus on the conversation', () => page.evaluate(() => document.activeElement.id === 'thread-title'));
  await page.keyboard.press('Escape');
  await waitFor('back to the list', async () => (await page.evaluate(() => location.hash)) === '#/threads');

  // 2FA: a PIN sent through the API is listed.
  const post = async (p, body) => {
    const r = await fetch(`${base}${p}`, { method: 'POST', headers: { authorization: `App ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return r.json();
  };
  const app = await post('/2fa/2/applications', { name: 'Shop login' });
  const tpl = await post(`/2fa/2/applications/${app.applicationId}/messages`, { messageText: 'Code {{pin}}', pinType: 'NUMERIC', pinLength: 6 });
  const pin = await post('/2fa/2/pin', { applicationId: app.applicationId, messageId: tpl.messageId, to: '41793026727' });
  const revealed = await (await fetch(`${base}/_emulator/2fa/pins/${pin.pinId}`)).json();
  await page.getByRole('link', { name: '2FA PINs' }).click();
  await page.locator('table.pins td.pin', { hasText: revealed.pin }).waitFor();
  await screenshot('2fa');
  await accessible('2FA PINs');

  // Faults: queue a 503 with Retry-After, see it pending, clear it.
  await page.getByRole('link', { name: 'Faults' }).click();
  await page.locator('#fault-status').fill('503');
  await page.locator('#fault-retry').fill('3');
  await page.locator('#fault-path').fill('/sms/3/messages');
  await page.getByRole('button', { name: 'Queue fault' }).click();
  await page.locator('#faults li', { hasText: 'answer 503' }).waitFor();
  const pending = await (await fetch(`${base}/_emulator/faults`)).json();
  assert.deepEqual(pending.faults.map((f) => [f.status, f.headers['Retry-After'], f.path]), [[503, '3', '/sms/3/messages']]);
  await screenshot('faults');
  await accessible('faults');
  await page.getByRole('button', { name: 'Clear faults' }).click();
  await page.locator('#faults li', { hasText: 'None.' }).waitFor();

  // A phone-narrow window: one pane at a time, nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${inbox}#/threads`);
  await page.locator('a.thread-link').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
  await screenshot('phone-list');
  await accessible('phone, conversations');
  await threadLink('41793026727', 'SMS').click();
  await page.locator('.list-pane').waitFor({ state: 'hidden' }); // the list gives way to the conversation
  await page.locator('#thread-title', { hasText: 'SMS with 41793026727' }).waitFor();
  await page.locator('#messages .bubble').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
  await screenshot('phone-thread');
  await page.getByRole('link', { name: 'Back to conversations' }).click();
  await page.locator('a.thread-link').first().waitFor();
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('figures: a thread of 100,000 stored messages', async () => {
  const destinations = Array.from({ length: 100_000 }, () => ({ to: '38591999999' }));
  const r = await fetch(`${base}/sms/3/messages`, {
    method: 'POST',
    headers: { authorization: `App ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ sender: 'Bulk', destinations, content: { text: 'One of many' } }] }),
  });
  assert.equal(r.status, 200);
  const list = await (await fetch(`${base}/_emulator/ui/api/threads?destination=38591999999`)).json();
  const id = list.threads[0].id;
  assert.equal(list.threads[0].count, 100_000);
  await page.goto('about:blank');
  const start = Date.now();
  await page.goto(`${inbox}#/threads/${id}`);
  await waitFor('the last page of the thread', async () => (await page.locator('#messages .msg').count()) === 50, 60_000);
  const shown = Date.now() - start;
  const paint = await page.evaluate(() => {
    const p = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    return p ? Math.round(p.startTime) : null;
  });
  console.log(`figure: thread of 100,000 messages shown (last 50, newest last) ${shown} ms after navigation; first contentful paint ${paint} ms`);
  await page.locator('#older').waitFor();
  await screenshot('100k-thread');
  assert.ok(existsSync(SHOTS));
  console.log(`screenshots: ${SHOTS}`);
});
