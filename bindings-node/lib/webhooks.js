'use strict';
// `webhooks`: parse pushed bodies into the same objects the API calls return, and verify senders.

const native = require('./native.js');
const { ValidationError } = require('./errors.js');
const { invokeSync: run, revive } = require('./call.js');

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
  parseDeliveryReports: (body) => revive(run(() => native.webhooksParseDeliveryReports(bytes(body)))),
  /** Inbound messages from a push (`MO_JSON_2`). */
  parseInbound: (body) => revive(run(() => native.webhooksParseInbound(bytes(body)))),
  /** A URL click from a push. */
  parseClick: (body) => revive(run(() => native.webhooksParseClick(bytes(body)))),
  /** Throws a WebhookVerificationError unless `authorization` carries these Basic credentials. */
  verifyBasic: (authorization, { username, password }) => run(() => native.webhooksVerifyBasic(authorization ?? null, username, password)),
  /** Throws a WebhookVerificationError unless `signature` is the HMAC of `body` with `secret`. */
  verifyHmac: (body, signature, { secret, algorithm = 'sha256' }) =>
    run(() => native.webhooksVerifyHmac(bytes(body), signature ?? null, secret, algorithm)),
};
