'use strict';
// CommonJS entry point of `infobip-sdk`; index.mjs re-exports it for `import`.

const { Infobip, operations, requiredScopes } = require('./lib/client.js');
const errors = require('./lib/errors.js');
const webhooks = require('./lib/webhooks.js');

module.exports = {
  Infobip,
  operations,
  requiredScopes,
  webhooks,
  InfobipError: errors.InfobipError,
  ConfigurationError: errors.ConfigurationError,
  ValidationError: errors.ValidationError,
  WebhookVerificationError: errors.WebhookVerificationError,
  APIConnectionError: errors.APIConnectionError,
  APITimeoutError: errors.APITimeoutError,
  OutcomeUnknownError: errors.OutcomeUnknownError,
  AuthFailedError: errors.AuthFailedError,
  DecodeError: errors.DecodeError,
  APIStatusError: errors.APIStatusError,
  BadRequestError: errors.BadRequestError,
  AuthenticationError: errors.AuthenticationError,
  PermissionDeniedError: errors.PermissionDeniedError,
  NotFoundError: errors.NotFoundError,
  ConflictError: errors.ConflictError,
  RateLimitError: errors.RateLimitError,
  InternalServerError: errors.InternalServerError,
  InternalError: errors.InternalError,
  AbortError: errors.AbortError,
};
