// One contender in its own process: `node runner.mjs <sdk|official|bare> <url> <count> <concurrency>`.
// Prints one JSON line: require time, sequential and concurrent wall time, peak RSS.
import http from 'node:http';
import { createRequire } from 'node:module';

const [, , who, url, countText, concurrencyText] = process.argv;
const count = Number(countText);
const concurrency = Number(concurrencyText);
const require = createRequire(import.meta.url);
const to = '41793026727';

function load() {
  if (who === 'sdk') {
    const { Infobip } = require('../../bindings-node');
    const client = new Infobip({ baseUrl: url, apiKey: 'bench-key' });
    if (client.sms) return () => client.sms.send({ to, text: 'Hello', sender: 'InfoSMS' });
    const body = { messages: [{ destinations: [{ to }], sender: 'InfoSMS', content: { text: 'Hello' } }] };
    return () => client.request('POST', '/sms/3/messages', { body });
  }
  if (who === 'official') {
    const { Infobip, AuthType } = require('@infobip-api/sdk');
    const client = new Infobip({ baseUrl: url, apiKey: 'bench-key', authType: AuthType.ApiKey });
    return () => client.channels.sms.send({ messages: [{ destinations: [{ to }], from: 'InfoSMS', text: 'Hello' }] });
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL('/sms/3/messages', url);
  return () =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify({ messages: [{ destinations: [{ to }], sender: 'InfoSMS', content: { text: 'Hello' } }] });
      const req = http.request(
        target,
        { method: 'POST', agent, headers: { authorization: 'App bench-key', 'content-type': 'application/json', accept: 'application/json' } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(e);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

const t0 = performance.now();
const send = load();
const requireMs = performance.now() - t0;

// Warm-up: connections and JIT.
for (let i = 0; i < 50; i += 1) await send();

const s0 = performance.now();
for (let i = 0; i < count; i += 1) await send();
const sequentialMs = performance.now() - s0;

const c0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next += 1;
      await send();
    }
  }),
);
const concurrentMs = performance.now() - c0;

console.log(JSON.stringify({ who, requireMs, sequentialMs, concurrentMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
