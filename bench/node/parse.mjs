// Parse benchmarks (issue 22): turning an answer or a push into typed objects, against the
// baseline of `JSON.parse` plus `new Date()` for the date-time fields of the same body.
//
//   node parse.mjs [after-package-dir] [before-package-dir]
//
// Cases (best of BENCH_REPEAT rounds of BENCH_PARSES parses each, in one process):
// - a push of 50 SMS delivery reports (price, status, error, platform, two date-times):
//   `webhooks.parseDeliveryReports(body)` of this package, and of the package before (when given);
// - a 1,000-result SMS logs page: what a generated call does with an answer's text (the reader
//   of `get-outbound-sms-message-logs-v3`), and the same with the answer's date-times in another
//   Infobip form (`+00:00`).
// Run it against a release build of the addon (`npm run build:release` in bindings-node): the
// push is parsed in Rust.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const after = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'bindings-node'));
const before = process.argv[3] ? path.resolve(process.argv[3]) : undefined;
const PARSES = Number(process.env.BENCH_PARSES ?? 2000);
const ROUNDS = Number(process.env.BENCH_REPEAT ?? 3);

/** One SMS delivery report as Infobip pushes it (v3 shape). */
function report(i, form) {
  const at = (ms) => {
    const iso = new Date(ms).toISOString();
    return form === 'colon' ? `${iso.slice(0, 23)}+00:00` : `${iso.slice(0, 23)}+0000`;
  };
  return {
    bulkId: 'BULK-ID-123-xyz',
    messageId: `MESSAGE-ID-${i}`,
    to: `4179302${String(i).padStart(4, '0')}`,
    sender: 'InfoSMS',
    sentAt: at(1767261600000 + i * 1000),
    doneAt: at(1767261600000 + i * 1000 + 2500),
    messageCount: 1,
    mccMnc: '22801',
    callbackData: 'callback',
    price: { pricePerMessage: 0.01, currency: 'EUR' },
    status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
    error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
    platform: { entityId: 'entity', applicationId: 'application' },
    campaignReferenceId: 'campaign',
  };
}

/** One v3 log (the same fields as a report, and its content). */
function log(i, form) {
  const { to, ...rest } = report(i, form);
  return { ...rest, destination: to, content: { text: 'Hello from the bench' } };
}

const push = JSON.stringify({ results: Array.from({ length: 50 }, (_, i) => report(i)) });
const pushBuffer = Buffer.from(push);
const page = JSON.stringify({ results: Array.from({ length: 1000 }, (_, i) => log(i)), cursor: { limit: 1000, nextCursor: 'next' } });
const pageColon = JSON.stringify({ results: Array.from({ length: 1000 }, (_, i) => log(i, 'colon')), cursor: { limit: 1000 } });

/** Best time per call, in microseconds, of `count` calls of `f`, over ROUNDS rounds. */
function time(f, count) {
  for (let i = 0; i < Math.min(200, count); i += 1) f();
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i += 1) f();
    const each = Number(process.hrtime.bigint() - start) / 1000 / count;
    best = Math.min(best, each);
  }
  return best;
}

function baseline(text) {
  const parsed = JSON.parse(text);
  for (const r of parsed.results) {
    r.sentAt = new Date(r.sentAt);
    r.doneAt = new Date(r.doneAt);
  }
  return parsed;
}

const rows = [];
const push50 = time(() => baseline(push), PARSES);
rows.push(['50-report push: JSON.parse + new Date() (baseline)', push50, 1]);
const sdk = require(after);
const check = sdk.webhooks.parseDeliveryReports(pushBuffer);
if (!(check[49].doneAt instanceof Date) || check.length !== 50) throw new Error('the package did not parse the push');
const ours = time(() => sdk.webhooks.parseDeliveryReports(pushBuffer), PARSES);
rows.push(['50-report push: webhooks.parseDeliveryReports (this package)', ours, ours / push50]);
if (before) {
  const old = require(before);
  const was = time(() => old.webhooks.parseDeliveryReports(pushBuffer), Math.max(50, PARSES / 10));
  rows.push(['50-report push: webhooks.parseDeliveryReports (before)', was, was / push50]);
}

// The generated path: an answer's text, JSON.parse and the generated reader of its type.
const { readJson } = require(path.join(after, 'lib', 'results.js'));
const { OPERATIONS } = require(path.join(after, 'lib', 'generated', 'sms.js'));
const read = OPERATIONS.getOutboundSmsMessageLogsV3.read;
const probe = readJson(page, read, 'bench');
if (!(probe.results[999].sentAt instanceof Date)) throw new Error('the reader did not convert the logs page');
const pages = Math.max(20, PARSES / 20);
const page1000 = time(() => baseline(page), pages);
rows.push(['1,000-result logs page: JSON.parse + new Date() (baseline)', page1000, 1]);
const generated = time(() => readJson(page, read, 'bench'), pages);
rows.push(['1,000-result logs page: generated reader (this package)', generated, generated / page1000]);
const colonBase = time(() => baseline(pageColon), pages);
const colon = time(() => readJson(pageColon, read, 'bench'), pages);
rows.push(['1,000-result logs page, `+00:00` dates: baseline', colonBase, 1]);
rows.push(['1,000-result logs page, `+00:00` dates: generated reader', colon, colon / colonBase]);

console.log(`\nparses: best of ${ROUNDS} rounds (node ${process.version})\n`);
console.log('| parse | µs per parse | × baseline |');
console.log('|---|---:|---:|');
for (const [name, us, ratio] of rows) console.log(`| ${name} | ${us.toFixed(1)} | ${ratio.toFixed(2)} |`);
