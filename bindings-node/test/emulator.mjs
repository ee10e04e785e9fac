// Starts the Infobip emulator binary on a free loopback port for a test file, and talks to its
// admin API (/_emulator/...).
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = process.env.INFOBIP_EMULATOR_BIN ?? path.join(ROOT, 'target', 'debug', 'infobip-emulator');
const LINE = /^Infobip emulator listening on (https?:\/\/127\.0\.0\.1:\d+) \(API key: (.+)\)$/;
const CA_LINE = 'TLS CA certificate: ';

/** Known credentials of the emulator's default configuration. */
export const USERNAME = 'emulator';
export const PASSWORD = 'emulator-password';
export const LIMITED_KEY = 'emulator-limited-key';

export async function startEmulator(args = []) {
  const child = spawn(BINARY, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const queue = [];
  let wake = () => {};
  lines.on('line', (line) => {
    queue.push(line);
    wake();
  });
  const nextLine = () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the emulator did not print a line within 20 s')), 20_000);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
      const take = () => {
        if (queue.length === 0) return;
        clearTimeout(timer);
        wake = () => {};
        resolve(queue.shift());
      };
      wake = take;
      take();
    });
  const first = await nextLine();
  const match = LINE.exec(first);
  if (!match) throw new Error(`unexpected emulator line: ${first}`);
  const [, url, apiKey] = match;
  // With --tls, a later line (at most 4 more) names the CA's PEM file.
  let caPath;
  for (let i = 0; args.includes('--tls') && caPath === undefined && i < 4; i++) {
    const line = await nextLine();
    if (line.startsWith(CA_LINE)) caPath = line.slice(CA_LINE.length);
  }
  if (args.includes('--tls') && caPath === undefined) throw new Error('the emulator did not print where its CA is');

  async function admin(method, route, body) {
    const response = await fetch(`${url}/_emulator${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${route}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    url,
    apiKey,
    /** With --tls: the path of the CA's PEM file (client.pem and client-key.pem are beside it). */
    caPath,
    admin,
    /** Queues faults for the next matching requests. */
    fault: (...faults) => admin('POST', '/faults', faults),
    /** The API requests received so far (optionally under a path prefix). */
    requests: async (prefix) => (await admin('GET', `/requests${prefix ? `?path=${encodeURIComponent(prefix)}` : ''}`)).requests,
    reset: () => admin('POST', '/reset'),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Starts an emulator before a test file's tests and stops it after them; `env.emu` is the
 * emulator, `env.client` an `Infobip` client of it with its API key.
 */
export function useEmulator(Infobip, args = ['--delivery-delay-ms', '0']) {
  const env = { emu: undefined, client: undefined };
  before(async () => {
    env.emu = await startEmulator(args);
    env.client = new Infobip({ baseUrl: env.emu.url, apiKey: env.emu.apiKey });
  });
  after(async () => {
    await env.emu?.stop();
  });
  return env;
}
