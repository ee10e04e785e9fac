// Type-checked with `tsc --strict --noEmit` (not run): every public call of the package, so that
// index.d.ts and the generated native/binding.d.ts stay usable from strict TypeScript.
import {
  Infobip,
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
  type ErrorCode,
  type InfobipOptions,
  type RequestOptions,
  type Violation,
} from '../index.js';

export async function everyCall(): Promise<void> {
  const options: InfobipOptions = {
    baseUrl: 'http://127.0.0.1:1',
    apiKey: 'key',
    timeout: 5000,
    connectTimeout: 1000,
    maxRetries: 1,
    userAgentSuffix: 'types-test',
    logger: { debug: (line: string) => console.debug(line) },
  };
  const client = new Infobip(options);
  new Infobip();
  new Infobip({ basic: { username: 'u', password: 'p' } });
  new Infobip({ ibsso: { username: 'u', password: 'p' } });
  new Infobip({ oauth2: { clientId: 'id', clientSecret: 's' }, logger: (level, line) => console.log(level, line) });
  const baseUrl: string = client.baseUrl;
  const call: RequestOptions = { signal: AbortSignal.timeout(5000), maxRetries: 0, timeout: 1000 };
  const balance = await client.request<{ balance: number; currency: string }>('GET', '/account/1/balance', undefined, call);
  const amount: number = balance.body.balance;
  const status: number = balance.status;
  const requestId: string | null = balance.requestId;
  await client.request('GET', '/sms/3/logs', { query: { bulkId: ['a', 'b'], limit: 10, skip: undefined } });
  await client.request('POST', '/sms/3/messages', { body: { messages: [] } });
  await client.close();
  console.log(baseUrl, amount, status, requestId);

  try {
    await client.request('GET', '/');
  } catch (e) {
    if (e instanceof RateLimitError) {
      const wait: number | null = e.retryAfterMs;
      console.log(wait, e.status, e.errorCode, e.text, e.requestId, e.body, e.action, e.requiredScopes);
    } else if (e instanceof APIStatusError) {
      const violations: Violation[] = e.violations;
      console.log(violations[0]?.property, e.resources[0]?.url, e.bodyIsJson, e.operation);
    } else if (e instanceof OutcomeUnknownError) {
      const ids: string[] = e.messageIds;
      console.log(e.bulkId, ids, e.reason);
    } else if (e instanceof ValidationError) {
      console.log(e.violations.map((v) => v.message));
    } else if (e instanceof DecodeError) {
      console.log(e.offset);
    } else if (e instanceof InfobipError) {
      const code: ErrorCode = e.code;
      console.log(code, e.attempts, e.message, e.name);
    }
  }
  const classes: Array<new (...args: never[]) => InfobipError> = [
    ConfigurationError,
    WebhookVerificationError,
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    InternalServerError,
    AbortError,
  ];
  console.log(classes.length);
}
