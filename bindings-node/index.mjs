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
  DecodeError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  AbortError,
} = sdk;
export default sdk;
