// @ts-check
// Sends SMS, waits for their delivery reports on a webhook receiver of our own, pages the logs and
// handles a rate-limit error.
//
//   cd examples/node && npm install
//   INFOBIP_BASE_URL=... INFOBIP_API_KEY=... node demo.mjs
//
// Against the emulator: `cargo run -p infobip-emulator -- --port 0` prints the URL and the key
// (or run `./x demo`, which does all of it).
import http from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Infobip, RateLimitError, webhooks } from 'infobip-sdk';

const DESTINATIONS = ['41793026727', '41793026728', '41793026729'];

/** @typedef {import('infobip-sdk').DeliveryReport} DeliveryReport */

async function main() {
  const started = performance.now();

  // 1. A webhook receiver for delivery reports, on a free local port.
  /** @type {DeliveryReport[]} */
  const reports = [];
  const server = http.createServer((request, response) => {
    /** @type {Buffer[]} */
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        reports.push(...webhooks.parseDeliveryReports(Buffer.concat(chunks)));
        response.writeHead(204).end(); // anything but 2xx makes Infobip push it again later
      } catch {
        response.writeHead(400).end(); // not a delivery report
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const webhookUrl = `http://127.0.0.1:${port}/delivery-reports`;

  const client = new Infobip(); // INFOBIP_BASE_URL, INFOBIP_API_KEY

  // 2. Send one message per destination, each reporting to the receiver.
  const sent = await client.sms.send({
    messages: DESTINATIONS.map((to) => ({
      sender: 'InfoSMS',
      destinations: [{ to }],
      content: { text: 'Hello from infobip-sdk' },
      webhooks: { delivery: { url: webhookUrl } },
    })),
  });
  const bulkId = sent.bulkId ?? '';
  console.log(`sent ${sent.messages.length} messages in bulk ${bulkId}`);

  // 3. Wait for every delivery report (at most 30 s).
  /** @type {Set<string>} */
  const delivered = new Set();
  const deadline = Date.now() + 30_000;
  while (delivered.size < sent.messages.length && Date.now() < deadline) {
    const report = reports.shift();
    if (!report) {
      await sleep(20);
      continue;
    }
    console.log(`report: ${report.messageId} ${report.status?.groupName}`);
    if (report.status?.groupName === 'DELIVERED') delivered.add(report.messageId ?? '');
  }

  // 4. Page the logs of the bulk (two per page; the iterator fetches the next page itself).
  let logged = 0;
  for await (const _log of client.sms.logs({ bulkId, limit: 2 })) logged++;

  // 5. Handle a rate-limit error.
  await provokeRateLimitOnEmulator('/account/1/balance');
  try {
    const balance = await client.request('GET', '/account/1/balance');
    console.log('balance:', balance.body);
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error;
    console.log(`rate limited: the API asks to wait ${(error.retryAfterMs ?? 0) / 1000} s; try again later`);
  }

  server.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`summary: node: sent ${sent.messages.length}, delivered ${delivered.size}, logged ${logged}, ${seconds} s`);
  if (delivered.size !== sent.messages.length) process.exitCode = 1;
}

/**
 * Only against the local emulator: ask it to answer the next call to `path` with a 429 and a long
 * Retry-After, as the real API does when an account goes over a rate limit.
 * @param {string} path
 */
async function provokeRateLimitOnEmulator(path) {
  const baseUrl = process.env.INFOBIP_BASE_URL ?? '';
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(baseUrl)) return;
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path, status: 429, headers: { 'Retry-After': '600' } }),
  });
  if (!response.ok) throw new Error(`the emulator refused the fault: ${response.status}`);
}

await main();
