// Webhook parsing (tests/vectors/webhooks.json) and sender verification.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import util from 'node:util';
import { webhooks, WebhookVerificationError, DecodeError, ValidationError } from '../index.mjs';

const vectors = JSON.parse(readFileSync(new URL('../../tests/vectors/webhooks.json', import.meta.url), 'utf8'));
const PARSE = { delivery_reports: webhooks.parseDeliveryReports, inbound: webhooks.parseInbound, click: webhooks.parseClick };

const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const time = (text) => Date.parse(text.replace('+0000', 'Z'));
/** Where a vector's flat key lives in our objects, when it is not simply its camelCase name. */
const PATHS = {
  status_group: ['status', 'groupName'],
  status_id: ['status', 'id'],
  status_name: ['status', 'name'],
  error_name: ['error', 'name'],
  error_group_name: ['error', 'groupName'],
  error_permanent: ['error', 'permanent'],
  price_per_message: ['price', 'pricePerMessage'],
  currency: ['price', 'currency'],
  entity_id: ['platform', 'entityId'],
  application_id: ['platform', 'applicationId'],
  device_type: ['recipientInfo', 'deviceType'],
  country_name: ['geoLocationInfo', 'countryName'],
};

function check(actual, expected, where) {
  for (const [key, want] of Object.entries(expected)) {
    const path = PATHS[key] ?? [camel(key)];
    let got = path.reduce((o, k) => (o == null ? undefined : o[k]), actual);
    if (key === 'sent_at' && got === undefined && actual.sendDateTime !== undefined) got = new Date(actual.sendDateTime);
    if (key.endsWith('_at') && want !== null) {
      assert.ok(got instanceof Date, `${where}.${key} is a Date: ${got}`);
      assert.equal(got.getTime(), time(want), `${where}.${key}`);
    } else {
      assert.deepEqual(got ?? null, want, `${where}.${key}`);
    }
  }
}

for (const vector of vectors.cases) {
  test(`webhook vector: ${vector.name}`, () => {
    const parse = PARSE[vector.kind];
    const { error, count, reports, messages, ...rest } = vector.expected;
    if (error) {
      assert.throws(() => parse(Buffer.from(vector.body)), (e) => e.code === error && e instanceof DecodeError);
      return;
    }
    const result = parse(Buffer.from(vector.body));
    if (vector.kind === 'delivery_reports') {
      assert.equal(result.length, count);
      (reports ?? []).forEach((r, i) => check(result[i], r, `reports[${i}]`));
    } else if (vector.kind === 'inbound') {
      assert.equal(result.results.length, count);
      check(result, rest, 'inbound');
      (messages ?? []).forEach((m, i) => check(result.results[i], m, `messages[${i}]`));
    } else {
      check(result, rest, 'click');
    }
  });
}

test('a malformed body is a DecodeError; a wrong type is a ValidationError', () => {
  assert.throws(() => webhooks.parseDeliveryReports('{"results": ['), DecodeError);
  assert.throws(() => webhooks.parseInbound(42), (e) => e instanceof ValidationError && e.violations[0].property === 'body');
});

test('Basic and HMAC verification; failures are WebhookVerificationErrors without the secret', () => {
  const header = `Basic ${Buffer.from('hook:s3cret-basic-pw').toString('base64')}`;
  webhooks.verifyBasic(header, { username: 'hook', password: 's3cret-basic-pw' });
  const bad = (() => {
    try {
      webhooks.verifyBasic(header, { username: 'hook', password: 'other-pw' });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(bad instanceof WebhookVerificationError, String(bad));
  assert.equal(bad.code, 'webhook_verification');
  assert.ok(!util.inspect(bad).includes('s3cret-basic-pw') && !util.inspect(bad).includes('other-pw'));
  assert.throws(() => webhooks.verifyBasic(undefined, { username: 'hook', password: 'x' }), WebhookVerificationError);

  const body = Buffer.from('{"results":[]}');
  const secret = 'hmac-secret-value';
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  webhooks.verifyHmac(body, signature, { secret, algorithm: 'sha256' });
  webhooks.verifyHmac(body, `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`, { secret });
  assert.throws(() => webhooks.verifyHmac(body, signature, { secret: 'wrong', algorithm: 'sha256' }), WebhookVerificationError);
  assert.throws(() => webhooks.verifyHmac(body, signature, { secret, algorithm: 'rot13' }), (e) => e instanceof ValidationError && e.violations[0].property === 'algorithm');
});
