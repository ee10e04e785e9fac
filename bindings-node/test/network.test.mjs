// Network settings (a proxy, extra CA certificates, a client certificate) and paging that a
// server cannot make spin, each against servers the test starts on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import util from 'node:util';
import { readFileSync } from 'node:fs';
import { startEmulator } from './emulator.mjs';
import { Infobip, APIConnectionError, ConfigurationError, DecodeError } from '../index.mjs';

const PASSWORD = 'node-proxy-hunter2';
const BALANCE = '/account/1/balance';

/**
 * A proxy that records each request head, tunnels CONNECT and forwards absolute-form requests,
 * to loopback targets only.
 */
async function recordingProxy() {
  const heads = [];
  const server = net.createServer((client) => {
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onData);
      client.pause();
      const text = head.subarray(0, end + 4).toString('latin1');
      const rest = head.subarray(end + 4);
      heads.push(text);
      const [method, target] = text.split(' ');
      const authority = method === 'CONNECT' ? target : target.replace(/^http:\/\//, '').split('/')[0];
      const [host, port] = [authority.slice(0, authority.lastIndexOf(':')), authority.slice(authority.lastIndexOf(':') + 1)];
      if (host !== '127.0.0.1' && host !== 'localhost') {
        client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream = net.connect(Number(port), host, () => {
        if (method === 'CONNECT') client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        else upstream.write(head.subarray(0, end + 4));
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    heads,
    url: `http://user:${PASSWORD}@127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let plain;
let tls;
let proxy;

before(async () => {
  plain = await startEmulator();
  tls = await startEmulator(['--tls', '--tls-client-auth']);
  proxy = await recordingProxy();
});
after(async () => {
  proxy.close();
  await plain?.stop();
  await tls?.stop();
});

test('a proxy sees every request with its credentials, and noProxy bypasses it', async () => {
  proxy.heads.length = 0;
  const client = new Infobip({ baseUrl: plain.url, apiKey: plain.apiKey, proxy: proxy.url });
  assert.equal((await client.request('GET', BALANCE)).status, 200);
  assert.equal(proxy.heads.length, 1);
  assert.ok(proxy.heads[0].startsWith(`GET ${plain.url}${BALANCE} HTTP/1.1\r\n`), proxy.heads[0]);
  // Basic base64("user:node-proxy-hunter2").
  assert.match(proxy.heads[0].toLowerCase(), /proxy-authorization: basic dxnlcjpub2rllxbyb3h5lwh1bnrlcji=/);
  assert.ok(!util.inspect(client, { showHidden: true, depth: 5 }).includes(PASSWORD));

  const bypassing = new Infobip({ baseUrl: plain.url, apiKey: plain.apiKey, proxy: proxy.url, noProxy: '127.0.0.1' });
  assert.equal((await bypassing.request('GET', BALANCE)).status, 200);
  assert.equal(proxy.heads.length, 1, 'noProxy bypassed the proxy');
});

test('mutual TLS through a proxy with the emulator CA, as paths or as Buffers', async () => {
  proxy.heads.length = 0;
  const dir = path.dirname(tls.caPath);
  const certificate = { clientCert: path.join(dir, 'client.pem'), clientKey: readFileSync(path.join(dir, 'client-key.pem')) };
  for (const caCert of [tls.caPath, readFileSync(tls.caPath)]) {
    const client = new Infobip({ baseUrl: tls.url, apiKey: tls.apiKey, caCert, proxy: proxy.url, ...certificate });
    assert.equal((await client.request('GET', BALANCE)).status, 200);
  }
  const authority = tls.url.slice('https://'.length);
  assert.deepEqual(proxy.heads.map((h) => h.split('\r\n')[0]), [`CONNECT ${authority} HTTP/1.1`, `CONNECT ${authority} HTTP/1.1`]);

  const untrusted = new Infobip({ baseUrl: tls.url, apiKey: tls.apiKey, ...certificate });
  await assert.rejects(untrusted.request('GET', BALANCE), (error) => {
    assert.ok(error instanceof APIConnectionError, String(error));
    assert.match(error.message, /UnknownIssuer/);
    return true;
  });
  const anonymous = new Infobip({ baseUrl: tls.url, apiKey: tls.apiKey, caCert: tls.caPath });
  await assert.rejects(anonymous.request('GET', BALANCE), (error) => {
    assert.ok(error instanceof APIConnectionError, String(error));
    assert.match(error.message, /client certificate/);
    return true;
  });
});

test('certificate and proxy settings are checked when the client is made, without showing a password', () => {
  assert.throws(() => new Infobip({ baseUrl: tls.url, apiKey: 'k', caCert: '/nonexistent/ca.pem' }), (error) => {
    assert.ok(error instanceof ConfigurationError);
    assert.match(error.message, /\/nonexistent\/ca\.pem/);
    return true;
  });
  assert.throws(() => new Infobip({ baseUrl: tls.url, apiKey: 'k', clientCert: Buffer.from('x') }), ConfigurationError);
  assert.throws(() => new Infobip({ baseUrl: tls.url, apiKey: 'k', proxy: `socks5://u:${PASSWORD}@127.0.0.1:1` }), (error) => {
    assert.ok(error instanceof ConfigurationError);
    assert.ok(!error.message.includes(PASSWORD) && error.message.includes('***'), error.message);
    return true;
  });
});

test('logs end with a DecodeError naming the cursor when the server repeats it', async () => {
  const paths = [];
  const server = http.createServer((request, response) => {
    paths.push(request.url);
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ results: [{ messageId: `m${paths.length}` }], cursor: { nextCursor: 'again' } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = new Infobip({ baseUrl: `http://127.0.0.1:${server.address().port}`, apiKey: 'k' });
    const seen = [];
    await assert.rejects(
      (async () => {
        for await (const log of client.sms.logs({ limit: 1 })) {
          seen.push(log.messageId);
          assert.ok(seen.length < 100, 'the iteration never ended');
        }
      })(),
      (error) => {
        assert.ok(error instanceof DecodeError, String(error));
        assert.match(error.message, /"again"/);
        return true;
      },
    );
    assert.deepEqual(seen, ['m1', 'm2']);
    assert.equal(paths.length, 2);
    assert.match(paths[1], /cursor=again/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
