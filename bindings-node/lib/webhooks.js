'use strict';
// `webhooks`: parse pushed bodies into the same objects the API calls return, and verify senders.

const native = require('./native.js');
const { ValidationError } = require('./errors.js');
const { invokeSync: run } = require('./call.js');
const { readJson, finish, list } = require('./results.js');

/** The generated readers of the SMS spec's types (loaded on first use). */
let readers;
function sms() {
  if (readers === undefined) {
    const { read } = require('./generated/sms.js');
    readers = {
      reports: (value) => list(value, read.DeliveryReport),
      inbound: read.SmsMoReportResponse,
      click: read.UrlTrackingWebhook,
    };
  }
  return readers;
}

/** Parses the native side's JSON text of a push with `read`; the result and its items get `toJSON`. */
function parsed(text, read) {
  const value = readJson(text, read, 'the push');
  if (Array.isArray(value)) for (const item of value) finish(item);
  return finish(value);
}

/** A body as a Buffer: Buffers and Uint8Arrays as they are, strings as UTF-8. */
function bytes(body) {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  throw new ValidationError('body: must be a Buffer, a Uint8Array or a string', {
    code: 'validation',
    violations: [{ property: 'body', message: 'must be a Buffer, a Uint8Array or a string' }],
  });
}

module.exports = {
  /** Delivery reports from a push (v3 or legacy v1, JSON or XML). */
  parseDeliveryReports: (body) => parsed(run(() => native.webhooksParseDeliveryReports(bytes(body))), sms().reports),
  /** Inbound messages from a push (`MO_JSON_2`). */
  parseInbound: (body) => parsed(run(() => native.webhooksParseInbound(bytes(body))), sms().inbound),
  /** A URL click from a push. */
  parseClick: (body) => parsed(run(() => native.webhooksParseClick(bytes(body))), sms().click),
  /** Throws a WebhookVerificationError unless `authorization` carries these Basic credentials. */
  verifyBasic: (authorization, { username, password }) => run(() => native.webhooksVerifyBasic(authorization ?? null, username, password)),
  /** Throws a WebhookVerificationError unless `signature` is the HMAC of `body` with `secret`. */
  verifyHmac: (body, signature, { secret, algorithm = 'sha256' }) =>
    run(() => native.webhooksVerifyHmac(bytes(body), signature ?? null, secret, algorithm)),
};
