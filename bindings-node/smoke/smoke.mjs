// Run from a directory where the packed tarball was installed: import works and the addon loads.
import assert from 'node:assert/strict';
import sdk, { Infobip, APIConnectionError } from 'infobip-sdk';

const client = new Infobip({ baseUrl: 'http://127.0.0.1:9', apiKey: 'smoke' });
const error = await client.request('GET', '/account/1/balance', {}, { maxRetries: 0 }).catch((e) => e);
assert.ok(error instanceof APIConnectionError, String(error));
assert.equal(sdk.Infobip, Infobip);
console.log('import infobip-sdk: ok');
