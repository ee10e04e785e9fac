// Run from a directory where the packed tarball was installed: require() works and the addon loads.
const assert = require('node:assert/strict');
const { Infobip, APIConnectionError, InfobipError } = require('infobip-sdk');

(async () => {
  const client = new Infobip({ baseUrl: 'http://127.0.0.1:9', apiKey: 'smoke' });
  const error = await client.request('GET', '/account/1/balance', {}, { maxRetries: 0 }).catch((e) => e);
  assert.ok(error instanceof APIConnectionError && error instanceof InfobipError, String(error));
  console.log('require(infobip-sdk): ok');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
