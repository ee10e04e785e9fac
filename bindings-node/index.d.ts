// Type declarations of `infobip-sdk`: the hand-written layer (client, errors, iterators) over the
// declarations napi-rs generates from the Rust crate into native/binding.d.ts.

import type { ClientOptions as NativeClientOptions } from './native/binding';

/** Receives log lines: a function `(level, line)` or a console-like object. */
export type Logger =
  | ((level: 'error' | 'warn' | 'info' | 'debug' | 'trace', line: string) => void)
  | {
      error?(line: string): void;
      warn?(line: string): void;
      info?(line: string): void;
      debug?(line: string): void;
      trace?(line: string): void;
      log?(line: string): void;
    };

/**
 * Options of `new Infobip(options)`. What is missing is read from `INFOBIP_BASE_URL`,
 * `INFOBIP_API_KEY`, `INFOBIP_CLIENT_ID`/`INFOBIP_CLIENT_SECRET`, `INFOBIP_USERNAME`/`INFOBIP_PASSWORD`.
 * Give at most one of `apiKey`, `basic`, `ibsso`, `oauth2`. Durations are in milliseconds.
 */
export interface InfobipOptions extends NativeClientOptions {
  /** Receives the client's log lines (request lines, retries; never secrets). */
  logger?: Logger;
}

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call: the in-flight request is dropped and the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Whole-request timeout of each attempt, in milliseconds. */
  timeout?: number;
  /** Retries for this call (0 disables them). */
  maxRetries?: number;
}

/** A query value; lists are sent as repeated parameters (`a=1&a=2`). */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** Parameters of a generic request. */
export interface RequestParams {
  query?: Record<string, QueryValue>;
  /** A JSON body. */
  body?: unknown;
}

/** The response of a generic request. */
export interface ApiResponse<T = unknown> {
  status: number;
  requestId: string | null;
  attempts: number;
  /** The parsed JSON body, or `null` when there was none. */
  body: T;
}

/** Parameters of `client.call(operationId, params)`; each part is optional. */
export interface CallParams {
  /** Values of the path template's `{names}` (each percent-encoded as one segment). */
  path?: Record<string, string | number | boolean>;
  /** Query parameters; a list parameter takes an array (sent repeated). */
  query?: Record<string, QueryValue>;
  /** Header parameters the operation declares (e.g. `X-Session-Id`). */
  headers?: Record<string, string | number | boolean>;
  /** The request body, checked against the operation's request schema. */
  body?: unknown;
}

/** One operation of the catalog. */
export interface OperationInfo {
  /** The operation id, for `client.call`. */
  id: string;
  /** The product whose spec holds it (`sms`, `2fa`, ...). */
  product: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The path template (`/2fa/2/applications/{appId}`). */
  path: string;
  /** What it does, in one line. */
  summary: string;
  /** The API-key scopes that allow it; any one is enough. */
  scopes: string[];
  /** Whether the spec marks it deprecated. */
  deprecated: boolean;
}

/** Filter of `operations()`: every word of `search` must occur in the id, product, method, path or summary. */
export interface OperationsFilter {
  search?: string;
}

/** The operations `client.call` reaches (no client needed). */
export declare function operations(filter?: OperationsFilter): OperationInfo[];
/** The scopes an API key needs for an operation (any one is enough); `null` for an unknown id. */
export declare function requiredScopes(operationId: string): string[] | null;

/** A client of the Infobip API: one connection pool; share one instance. */
export declare class Infobip {
  constructor(options?: InfobipOptions);
  /** SMS: send, preview, delivery reports, logs, inbound messages, scheduled bulks. */
  readonly sms: Sms;
  /** 2FA: applications, templates, PINs over SMS, voice and email, verification. */
  readonly tfa: Tfa;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** Sends a request to any endpoint, with the client's auth, retries and error mapping. */
  request<T = unknown>(method: string, path: string, params?: RequestParams, options?: RequestOptions): Promise<ApiResponse<T>>;
  /**
   * Calls any operation of the catalog by id, e.g. `call('get-account-balance')`. Parameters and
   * body are checked against the spec first: problems reject with a ValidationError listing each
   * (body problems by JSON pointer) and nothing is sent; an unknown id is a ValidationError that
   * suggests the closest ids.
   */
  call<T = unknown>(operationId: string, params?: CallParams, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** The operations `call` reaches, optionally filtered. */
  operations(filter?: OperationsFilter): OperationInfo[];
  /** The operations `call` reaches, optionally filtered (no client needed). */
  static operations(filter?: OperationsFilter): OperationInfo[];
  /** Ends an IBSSO session, if one is open. */
  close(options?: RequestOptions): Promise<void>;
}

/** A problem with one property of a request. */
export interface Violation {
  property: string;
  message: string;
}

/** A documentation link the API gives with an error. */
export interface ErrorResource {
  name: string;
  url: string;
}

/** The stable error codes; `aborted` is a call cancelled through its `AbortSignal`. */
export type ErrorCode =
  | 'config'
  | 'validation'
  | 'connection'
  | 'timeout'
  | 'outcome_unknown'
  | 'auth_failed'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  | 'api_error'
  | 'decode'
  | 'webhook_verification'
  | 'internal'
  | 'aborted';

/** The base of every error the SDK raises. */
export declare class InfobipError extends Error {
  /** The stable code. */
  readonly code: ErrorCode;
  /** Attempts made, where requests were sent. */
  readonly attempts?: number;
}
/** The client is misconfigured. */
export declare class ConfigurationError extends InfobipError {}
/** The input was refused before anything was sent. */
export declare class ValidationError extends InfobipError {
  readonly violations: Violation[];
}
/** A webhook request failed verification. */
export declare class WebhookVerificationError extends InfobipError {}
/** The connection failed (retries are exhausted). */
export declare class APIConnectionError extends InfobipError {}
/** The request timed out (retries are exhausted). */
export declare class APITimeoutError extends APIConnectionError {}
/** A send may or may not have been accepted: look it up by `bulkId`. */
export declare class OutcomeUnknownError extends InfobipError {
  readonly bulkId: string | null;
  readonly messageIds: string[];
  readonly reason: string;
  readonly operation: string;
  readonly status: number | null;
}
/** The OAuth2 token or IBSSO session could not be had: the call was not sent (sending it again is safe). */
export declare class AuthFailedError extends InfobipError {
  /** `OAuth2` or `IBSSO`. */
  readonly scheme: string;
  readonly reason: string;
  /** The code of what failed at the token or session endpoint (`unauthorized`, `timeout`, `server_error`, …). */
  readonly cause: string;
  /** The status the token or session endpoint answered, if it answered. */
  readonly status: number | null;
}
/** A bug of the SDK (a panic in its native core, caught): please report it. */
export declare class InternalError extends InfobipError {}
/** A response could not be read (or was larger than `maxResponseBytes`). */
export declare class DecodeError extends InfobipError {
  readonly offset: number | null;
}
/** The API answered with an error status. */
export declare class APIStatusError extends InfobipError {
  readonly status: number;
  readonly errorCode: string | null;
  readonly text: string | null;
  readonly action: string | null;
  readonly violations: Violation[];
  readonly resources: ErrorResource[];
  readonly requestId: string | null;
  readonly retryAfterMs: number | null;
  /** The first 4 KiB of the body. */
  readonly body: string;
  readonly bodyIsJson: boolean;
  readonly operation: string;
  readonly requiredScopes: string[];
}
export declare class BadRequestError extends APIStatusError {}
export declare class AuthenticationError extends APIStatusError {}
export declare class PermissionDeniedError extends APIStatusError {}
export declare class NotFoundError extends APIStatusError {}
export declare class ConflictError extends APIStatusError {}
export declare class RateLimitError extends APIStatusError {}
export declare class InternalServerError extends APIStatusError {}
/**
 * The call was cancelled through its `AbortSignal` (`name` is `AbortError`). A send aborted after
 * its request may have been written carries its ids: look it up before sending it again.
 */
export declare class AbortError extends InfobipError {
  readonly bulkId: string | null;
  readonly messageIds: string[];
}

// ---- SMS ----------------------------------------------------------------------------------

/** A date-time given to the SDK: a Date, or a string in any ISO 8601 / Infobip form. */
export type DateInput = Date | string;

/** Open enums: the known values, or any other string the API may add. */
export type StatusGroupName = 'ACCEPTED' | 'PENDING' | 'UNDELIVERABLE' | 'DELIVERED' | 'EXPIRED' | 'REJECTED' | (string & {});
export type BulkStatusName = 'PENDING' | 'PAUSED' | 'PROCESSING' | 'CANCELED' | 'FINISHED' | 'FAILED' | (string & {});

export interface SmsDestination {
  to: string;
  messageId?: string;
  networkId?: number;
}

export type SmsContent =
  | { text: string; transliteration?: string; language?: { languageCode?: string; singleShift?: boolean; lockingShift?: boolean } }
  | { hex: string; dataCoding?: number; esmClass?: number };

/** One message of a send; see the API reference for every option. */
export interface SmsMessage {
  sender?: string;
  destinations: SmsDestination[];
  content: SmsContent;
  options?: Record<string, unknown> & { validityPeriod?: { amount: number; timeUnit?: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' }; flash?: boolean };
  webhooks?: { delivery?: { url?: string; intermediateReport?: boolean; notify?: boolean }; contentType?: string; callbackData?: string };
}

/** Options of a whole send (bulk id, schedule, tracking, ...). */
export interface SmsSendOptions extends Record<string, unknown> {
  schedule?: { bulkId?: string; sendAt?: DateInput; sendingSpeedLimit?: { amount: number; timeUnit?: 'MINUTE' | 'HOUR' | 'DAY' } };
}

/** The short form of a send: one text to one number. */
export interface SmsTextSend {
  to: string;
  text: string;
  sender?: string;
}

/** The API's form of a send. */
export interface SmsSendRequest {
  messages: SmsMessage[];
  options?: SmsSendOptions;
}

export interface SmsStatus {
  groupId?: number;
  groupName?: StatusGroupName;
  id?: number;
  name?: string;
  description?: string;
  action?: string;
}

export interface SmsError {
  groupId?: number;
  groupName?: string;
  id?: number;
  name?: string;
  description?: string;
  permanent?: boolean;
}

export interface SentMessage {
  messageId?: string;
  status?: SmsStatus;
  destination?: string;
  details?: { messageCount?: number };
}

export interface SendResult {
  bulkId?: string;
  messages: SentMessage[];
  /** The request id of the response. */
  requestId: string | null;
}

export interface Price {
  pricePerMessage?: number;
  currency?: string;
}

export interface Platform {
  entityId?: string;
  applicationId?: string;
}

export interface SmsLog {
  sender?: string;
  destination?: string;
  bulkId?: string;
  messageId?: string;
  sentAt?: Date;
  doneAt?: Date;
  messageCount?: number;
  price?: Price;
  status?: SmsStatus;
  error?: SmsError;
  platform?: Platform;
  content?: SmsContent | Record<string, unknown>;
  campaignReferenceId?: string;
  mccMnc?: string;
}

export interface DeliveryReport {
  bulkId?: string;
  messageId?: string;
  to?: string;
  sender?: string;
  sentAt?: Date;
  doneAt?: Date;
  messageCount?: number;
  mccMnc?: string;
  callbackData?: string;
  price?: Price;
  status?: SmsStatus;
  error?: SmsError;
  platform?: Platform;
  campaignReferenceId?: string;
}

export interface InboundMessage {
  messageId?: string;
  from?: string;
  to?: string;
  text?: string;
  cleanText?: string;
  keyword?: string;
  receivedAt?: Date;
  smsCount?: number;
  price?: Price;
  callbackData?: string;
  applicationId?: string;
  entityId?: string;
  campaignReferenceId?: string;
}

export interface LogsFilter {
  mcc?: string;
  mnc?: string;
  sender?: string;
  destination?: string;
  bulkId?: string | string[];
  messageId?: string | string[];
  generalStatus?: StatusGroupName;
  sentSince?: DateInput;
  sentUntil?: DateInput;
  /** Logs per page (1 to 1000). */
  limit?: number;
  entityId?: string;
  applicationId?: string;
  campaignReferenceId?: string | string[];
  /** Stop after this many logs. */
  maxResults?: number;
}

export interface ReportsFilter {
  bulkId?: string;
  messageId?: string;
  limit?: number;
  entityId?: string;
  applicationId?: string;
  campaignReferenceId?: string;
}

export interface PreviewRequest {
  text: string;
  languageCode?: string;
  transliteration?: string;
}

export interface PreviewResult {
  originalText?: string;
  previews: Array<{ textPreview?: string; messageCount?: number; charactersRemaining?: number; configuration?: Record<string, unknown> }>;
}

export interface BulkSchedule {
  bulkId?: string;
  sendAt?: Date;
}

export interface BulkStatusInfo {
  bulkId?: string;
  status?: BulkStatusName;
}

/** A send over query parameters (`GET /sms/3/text/query`); names as the API's parameters. */
export interface SmsSendQuery {
  /** One destination or several. */
  to: string | string[];
  text: string;
  /** The SDK assigns one when not given. */
  bulkId?: string;
  from?: string;
  flash?: boolean;
  transliteration?: string;
  languageCode?: string;
  intermediateReport?: boolean;
  notifyUrl?: string;
  notifyContentType?: string;
  callbackData?: string;
  /** Minutes (at most 2880). */
  validityPeriod?: number;
  sendAt?: DateInput;
  includeSmsCountInResponse?: boolean;
  trackingUrl?: string;
  trackingType?: string;
  indiaDltContentTemplateId?: string;
  indiaDltPrincipalEntityId?: string;
  indiaDltTelemarketerId?: string;
  turkeyIysBrandCode?: number;
  turkeyIysRecipientType?: 'BIREYSEL' | 'TACIR' | (string & {});
  southKoreaResellerCode?: number;
  southKoreaTitle?: string;
}

/** One message of a v2 send: `text` for `sendV2Text`, `binary` for `sendV2Binary`. */
export interface LegacySmsMessage extends Record<string, unknown> {
  from?: string;
  destinations: SmsDestination[];
  text?: string;
  binary?: { hex: string; dataCoding?: number; esmClass?: number };
  flash?: boolean;
  /** Minutes (at most 2880). */
  validityPeriod?: number;
  sendAt?: DateInput;
  notifyUrl?: string;
  notifyContentType?: string;
  callbackData?: string;
}

/** A v2 send request (`/sms/2/text/advanced`, `/sms/2/binary/advanced`). */
export interface LegacySendRequest extends Record<string, unknown> {
  /** The SDK assigns one when not given. */
  bulkId?: string;
  messages: LegacySmsMessage[];
}

/** The result of a v2 send. */
export interface LegacySendResult {
  bulkId?: string;
  messages: Array<{ to?: string; status?: SmsStatus; messageId?: string; smsCount?: number }>;
  /** The request id of the response. */
  requestId: string | null;
}

/** A v1 delivery report (of a v2 send). */
export interface LegacyReport {
  bulkId?: string;
  messageId?: string;
  to?: string;
  from?: string;
  sentAt?: Date;
  doneAt?: Date;
  smsCount?: number;
  mccMnc?: string;
  callbackData?: string;
  price?: Price;
  status?: SmsStatus;
  error?: SmsError;
  entityId?: string;
  applicationId?: string;
  campaignReferenceId?: string;
}

/** `client.sms`. */
export interface Sms {
  send(request: SmsTextSend | SmsSendRequest, options?: RequestOptions): Promise<SendResult>;
  /** Sends a text over query parameters (`GET /sms/3/text/query`); never retried. */
  sendQuery(query: SmsSendQuery, options?: RequestOptions): Promise<SendResult>;
  /** Sends text messages with the v2 API (`POST /sms/2/text/advanced`). */
  sendV2Text(request: LegacySendRequest, options?: RequestOptions): Promise<LegacySendResult>;
  /** Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`). */
  sendV2Binary(request: LegacySendRequest, options?: RequestOptions): Promise<LegacySendResult>;
  /** The v1 delivery reports of v2 sends (`GET /sms/1/reports`); consume-once. */
  deliveryReportsV1(filter?: ReportsFilter, options?: RequestOptions): Promise<{ results: LegacyReport[] }>;
  preview(request: PreviewRequest, options?: RequestOptions): Promise<PreviewResult>;
  /** Consume-once: each report is returned once. */
  deliveryReports(filter?: ReportsFilter, options?: RequestOptions): Promise<{ results: DeliveryReport[] }>;
  /** Consume-once: each message is returned once. */
  inbound(params?: { limit?: number }, options?: RequestOptions): Promise<{ results: InboundMessage[]; messageCount?: number; pendingMessageCount?: number }>;
  /** Every matching log, page after page. */
  logs(filter?: LogsFilter, options?: RequestOptions): AsyncGenerator<SmsLog, void, undefined>;
  getBulkSchedule(bulkId: string, options?: RequestOptions): Promise<BulkSchedule>;
  rescheduleBulk(bulkId: string, sendAt: DateInput, options?: RequestOptions): Promise<BulkSchedule>;
  getBulkStatus(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  pauseBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  resumeBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  cancelBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  logConversion(messageId: string, options?: RequestOptions): Promise<{ processKey?: string }>;
}

// ---- 2FA ----------------------------------------------------------------------------------

export interface TfaApplicationConfiguration {
  pinAttempts?: number;
  allowMultiplePinVerifications?: boolean;
  pinTimeToLive?: string;
  verifyPinLimit?: string;
  sendPinPerApplicationLimit?: string;
  sendPinPerPhoneNumberLimit?: string;
}

export interface TfaApplicationRequest {
  name: string;
  enabled?: boolean;
  configuration?: TfaApplicationConfiguration;
}

export interface TfaApplication {
  applicationId?: string;
  name?: string;
  configuration?: TfaApplicationConfiguration;
  enabled?: boolean;
}

export type PinType = 'NUMERIC' | 'ALPHA' | 'HEX' | 'ALPHANUMERIC' | (string & {});

export interface TfaTemplateRequest {
  pinType?: PinType;
  messageText?: string;
  pinLength?: number;
  language?: string;
  senderId?: string;
  repeatDTMF?: string;
  speechRate?: number;
  voiceName?: string;
  regional?: Record<string, unknown>;
}

export interface TfaEmailTemplateRequest {
  pinType?: PinType;
  pinLength?: number;
  from?: string;
  emailTemplateId?: number;
  landingPageId?: string;
}

export interface TfaTemplate extends TfaTemplateRequest {
  messageId?: string;
  applicationId?: string;
  pinPlaceholder?: string;
  from?: string;
  emailTemplateId?: number;
  landingPageId?: string;
}

export interface SendPinRequest {
  applicationId: string;
  messageId: string;
  to: string;
  from?: string;
  placeholders?: Record<string, string>;
  trackDelivery?: boolean;
}

export interface SendEmailPinRequest {
  applicationId: string;
  messageId: string;
  to: string;
  from?: string;
  placeholders?: Record<string, string>;
  landingPagePlaceholders?: Record<string, string>;
}

export interface PinSent {
  pinId?: string;
  to?: string;
  ncStatus?: string;
  smsStatus?: string;
  callStatus?: string;
  emailStatus?: { name?: string; description?: string };
  externalMessageId?: string;
}

export interface PinVerification {
  pinId?: string;
  msisdn?: string;
  verified?: boolean;
  attemptsRemaining?: number;
  pinError?: string;
}

export interface Verifications {
  verifications: Array<{ msisdn?: string; verified?: boolean; verifiedAt?: number; sentAt?: number }>;
}

/** `client.tfa`. */
export interface Tfa {
  applications(options?: RequestOptions): Promise<TfaApplication[]>;
  application(appId: string, options?: RequestOptions): Promise<TfaApplication>;
  createApplication(request: TfaApplicationRequest, options?: RequestOptions): Promise<TfaApplication>;
  updateApplication(appId: string, request: TfaApplicationRequest, options?: RequestOptions): Promise<TfaApplication>;
  templates(appId: string, options?: RequestOptions): Promise<TfaTemplate[]>;
  template(appId: string, msgId: string, options?: RequestOptions): Promise<TfaTemplate>;
  createTemplate(appId: string, request: TfaTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  updateTemplate(appId: string, msgId: string, request: TfaTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  createEmailTemplate(appId: string, request: TfaEmailTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  updateEmailTemplate(appId: string, msgId: string, request: TfaEmailTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  sendPin(request: SendPinRequest, options?: RequestOptions & { ncNeeded?: boolean }): Promise<PinSent>;
  sendPinVoice(request: SendPinRequest, options?: RequestOptions): Promise<PinSent>;
  sendPinEmail(request: SendEmailPinRequest, options?: RequestOptions): Promise<PinSent>;
  resendPin(pinId: string, request?: { placeholders?: Record<string, string>; trackDelivery?: boolean }, options?: RequestOptions): Promise<PinSent>;
  resendPinVoice(pinId: string, request?: { placeholders?: Record<string, string>; trackDelivery?: boolean }, options?: RequestOptions): Promise<PinSent>;
  resendPinEmail(pinId: string, request?: { placeholders?: Record<string, string>; landingPagePlaceholders?: Record<string, string> }, options?: RequestOptions): Promise<PinSent>;
  verifyPin(pinId: string, request: { pin: string }, options?: RequestOptions): Promise<PinVerification>;
  verifications(appId: string, params: { msisdn: string; verified?: boolean; sent?: boolean }, options?: RequestOptions): Promise<Verifications>;
}

// ---- Webhooks -----------------------------------------------------------------------------

export interface UrlClick {
  notificationType?: string;
  recipient?: string;
  url?: string;
  /** Epoch milliseconds. */
  sendDateTime?: number;
  messageId?: string;
  bulkId?: string;
  callbackData?: string;
  recipientInfo?: { deviceType?: string; os?: string; deviceName?: string };
  geoLocationInfo?: { countryName?: string; city?: string };
  applicationId?: string;
  entityId?: string;
}

/** A pushed body: a Buffer, a Uint8Array or a string. */
export type WebhookBody = Buffer | Uint8Array | string;

/** Parse pushed bodies and verify their senders (synchronous; no I/O). */
export declare const webhooks: {
  /** Delivery reports from a push (v3 or legacy v1, JSON or XML). Throws DecodeError. */
  parseDeliveryReports(body: WebhookBody): DeliveryReport[];
  /** Inbound messages from a push (`MO_JSON_2`). */
  parseInbound(body: WebhookBody): { results: InboundMessage[]; messageCount?: number; pendingMessageCount?: number };
  /** A URL click from a push. */
  parseClick(body: WebhookBody): UrlClick;
  /** Throws WebhookVerificationError unless `authorization` carries these Basic credentials. */
  verifyBasic(authorization: string | undefined | null, credentials: { username: string; password: string }): void;
  /** Throws WebhookVerificationError unless `signature` (hex or base64) is the HMAC of `body`. */
  verifyHmac(body: WebhookBody, signature: string | undefined | null, options: { secret: string; algorithm?: string }): void;
};
