// ES module entry point of `infobip-sdk`: the same objects as the CommonJS entry (one instance,
// so `instanceof` holds whichever way a module loaded the package).
import sdk from './index.js';

export const {
  Infobip,
  operations,
  requiredScopes,
  webhooks,
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
} = sdk;
export default sdk;
