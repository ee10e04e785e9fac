'use strict';
// Error classes. The native side rejects with a JSON payload carrying the core's stable `code`;
// `fromNative` picks the class for that code from one table, the same in every language
// (`tests/vectors/errors.json`).

/** The base of every error the SDK raises. */
class InfobipError extends Error {
  constructor(message, fields = {}) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
    /** The stable code (`config`, `validation`, `not_found`, …). */
    this.code = fields.code ?? 'unknown';
    if (fields.attempts !== undefined) this.attempts = fields.attempts;
  }
}

/** The client is misconfigured: base URL, credentials, options. */
class ConfigurationError extends InfobipError {}

/** The input was refused before anything was sent; `violations` name the fields. */
class ValidationError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.violations = fields.violations ?? [];
  }
}

/** A webhook request failed verification. */
class WebhookVerificationError extends InfobipError {}

/** The connection failed; the request had no effect or was safe to retry (retries are exhausted). */
class APIConnectionError extends InfobipError {}

/** The request timed out (retries are exhausted). */
class APITimeoutError extends APIConnectionError {}

/** A send may or may not have been accepted; look it up by `bulkId` in the logs. Never retried. */
class OutcomeUnknownError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.bulkId = fields.bulkId ?? null;
    this.messageIds = fields.messageIds ?? [];
    this.reason = fields.reason ?? '';
    this.operation = fields.operation ?? '';
    this.status = fields.status ?? null;
  }
}

/**
 * The OAuth2 token or IBSSO session a call needed could not be had, so the call was not sent
 * (sending it again is safe). `cause` is the code of what failed (`unauthorized`, `timeout`, …).
 */
class AuthFailedError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.scheme = fields.scheme ?? '';
    this.reason = fields.reason ?? '';
    this.cause = fields.cause ?? '';
    this.status = fields.status ?? null;
  }
}

/** A bug of the SDK (a panic in its native core, caught): please report it. */
class InternalError extends InfobipError {}

/** A response body could not be read into the expected shape. */
class DecodeError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.offset = fields.offset ?? null;
  }
}

/** The API answered with an error status. */
class APIStatusError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.status = fields.status;
    this.errorCode = fields.errorCode ?? null;
    this.text = fields.text ?? null;
    this.action = fields.action ?? null;
    this.violations = fields.violations ?? [];
    this.resources = fields.resources ?? [];
    this.requestId = fields.requestId ?? null;
    this.retryAfterMs = fields.retryAfterMs ?? null;
    this.body = fields.body ?? '';
    this.bodyIsJson = fields.bodyIsJson ?? false;
    this.operation = fields.operation ?? '';
    this.requiredScopes = fields.requiredScopes ?? [];
  }
}

/** 400 */
class BadRequestError extends APIStatusError {}
/** 401 */
class AuthenticationError extends APIStatusError {}
/** 403; `requiredScopes` lists the scopes the operation needs, when known. */
class PermissionDeniedError extends APIStatusError {}
/** 404 */
class NotFoundError extends APIStatusError {}
/** 409 */
class ConflictError extends APIStatusError {}
/** 429; `retryAfterMs` is how long the API asked to wait. */
class RateLimitError extends APIStatusError {}
/** 5xx */
class InternalServerError extends APIStatusError {}

/**
 * The call was cancelled through its `AbortSignal`. Its `name` is `AbortError`, like DOM aborts.
 * A send aborted after its request may have been written carries `bulkId` and `messageIds`: look
 * it up before sending it again.
 */
class AbortError extends InfobipError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.bulkId = fields.bulkId ?? null;
    this.messageIds = fields.messageIds ?? [];
  }
}

/** Code → class: the one mapping table. */
const CLASSES = {
  config: ConfigurationError,
  validation: ValidationError,
  webhook_verification: WebhookVerificationError,
  connection: APIConnectionError,
  timeout: APITimeoutError,
  outcome_unknown: OutcomeUnknownError,
  auth_failed: AuthFailedError,
  decode: DecodeError,
  bad_request: BadRequestError,
  unauthorized: AuthenticationError,
  forbidden: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limited: RateLimitError,
  server_error: InternalServerError,
  api_error: APIStatusError,
  internal: InternalError,
  aborted: AbortError,
};

/**
 * Turns what the native side threw into an InfobipError. A payload with a code becomes its
 * class; napi's own argument errors (a value of the wrong type) become `fallback`, by default a
 * ValidationError.
 */
function fromNative(error, fallback = ValidationError) {
  if (error instanceof InfobipError || !(error instanceof Error)) return error;
  const message = error.message;
  if (message.startsWith('{"code":')) {
    let payload;
    try {
      payload = JSON.parse(message);
    } catch {
      return error;
    }
    const Class = CLASSES[payload.code] ?? InfobipError;
    return new Class(payload.message, payload);
  }
  // A panic in the native code (a bug), caught at the boundary by napi.
  if (error.code === 'GenericFailure') return new InternalError(`internal error of the Infobip SDK: ${message}`, { code: 'internal' });
  // napi quotes the offending value (`Number 123`); it may be a mistyped secret, so it is dropped.
  const text = message.replace(/JavaScript value `[^`]*`/g, 'a JavaScript value');
  const field = /\bon ([A-Za-z]+)\.([A-Za-z]+)/.exec(text)?.[2];
  if (fallback === ConfigurationError) return new ConfigurationError(text, { code: 'config' });
  return new ValidationError(text, { code: 'validation', violations: field ? [{ property: field, message: text }] : [] });
}

module.exports = {
  InfobipError,
  ConfigurationError,
  ValidationError,
  WebhookVerificationError,
  APIConnectionError,
  APITimeoutError,
  OutcomeUnknownError,
  AuthFailedError,
  DecodeError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  InternalError,
  AbortError,
  CLASSES,
  fromNative,
};
