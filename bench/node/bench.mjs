// 2000 sequential sends and 2000 at concurrency 32 against one loopback server, with infobip-sdk,
// the official @infobip-api/sdk and a bare node:http keep-alive loop; plus require time and peak
// RSS. Each contender runs in its own process, once per round (BENCH_REPEAT, default 3); results
// are ratios within this one run.
// `bash run.sh` sets up and runs it: the official SDK from npm here, a release build of the addon
// (or point NAPI_RS_NATIVE_LIBRARY_PATH at one), then `node bench.mjs`.
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

const server = spawn(process.execPath, ['server.mjs'], { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
try {
  // Each round runs every contender once, in turn, so that a burst of load elsewhere on the
  // machine hits all of them; each figure is the best of the rounds (peak RSS: the highest).
  const rounds = Number(process.env.BENCH_REPEAT ?? 3);
  const best = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const who of ['sdk', 'official', 'bare']) {
      const out = execFileSync(process.execPath, ['runner.mjs', who, url, String(COUNT), String(CONCURRENCY)], { cwd: here, encoding: 'utf8', timeout: 600_000 });
      const run = JSON.parse(out.trim().split('\n').at(-1));
      const seen = best[who];
      best[who] = seen === undefined ? run : {
        who,
        requireMs: Math.min(seen.requireMs, run.requireMs),
        sequentialMs: Math.min(seen.sequentialMs, run.sequentialMs),
        concurrentMs: Math.min(seen.concurrentMs, run.concurrentMs),
        peakRssMb: Math.max(seen.peakRssMb, run.peakRssMb),
      };
    }
  }
  const rows = [best.sdk, best.official, best.bare];
  const [sdk, official, bare] = rows;
  const fmt = (n) => n.toFixed(1);
  console.log(`\n${COUNT} sends, concurrency ${CONCURRENCY}, loopback ${url}; best of ${rounds} rounds\n`);
  console.log('| contender | require ms | sequential ms (req/s) | concurrent ms (req/s) | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const name = { sdk: 'infobip-sdk (this)', official: '@infobip-api/sdk 0.3.2', bare: 'bare node:http keep-alive' }[r.who];
    console.log(`| ${name} | ${fmt(r.requireMs)} | ${fmt(r.sequentialMs)} (${Math.round((COUNT * 1000) / r.sequentialMs)}) | ${fmt(r.concurrentMs)} (${Math.round((COUNT * 1000) / r.concurrentMs)}) | ${fmt(r.peakRssMb)} |`);
  }
  console.log('\nratios (higher is better for this package):');
  console.log(`  sequential: ${fmt(official.sequentialMs / sdk.sequentialMs)}x the official SDK (target >= 2), ${fmt(bare.sequentialMs / sdk.sequentialMs)}x the bare loop (target >= 1)`);
  console.log(`  concurrent: ${fmt(official.concurrentMs / sdk.concurrentMs)}x the official SDK (target >= 3), ${fmt(bare.concurrentMs / sdk.concurrentMs)}x the bare loop`);
  console.log(`  require: ${fmt(sdk.requireMs)} ms vs ${fmt(official.requireMs)} ms; peak RSS ${fmt(sdk.peakRssMb)} MB vs ${fmt(official.peakRssMb)} MB`);
} finally {
  server.kill();
}
