// Type declarations of `infobip-sdk`: the hand-written layer (client, errors, results, iterators)
// over the declarations generated from Infobip's specs into lib/generated/ (a namespace per product,
// its operations and types) and those napi-rs generates from the Rust crate into native/binding.d.ts.

import type { ClientOptions as NativeClientOptions } from './native/binding';
import type { Namespaces } from './lib/generated/index.js';
import type * as SmsTypes from './lib/generated/sms.js';
import type * as TfaTypes from './lib/generated/tfa.js';

/** Every product's types, as a namespace named like the client's (`whatsapp.input.Message`, `sms.DeliveryReport`). */
export type * from './lib/generated/index.js';

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
  /**
   * `false` sends the request without checking it against the spec first (for when the live API
   * is ahead of the spec: a new enum value, a new field). On by default; also a client option.
   */
  validate?: boolean;
}

/** The HTTP response a result came from (`result.$response`). */
export interface ResponseInfo {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers: lower-case name → value (repeated headers joined by `, `). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request id the API gave (`X-Request-Id`). */
  readonly requestId: string | null;
  /** Attempts made (1 unless retried). */
  readonly attempts: number;
}

/** What every result object has beside its fields (not enumerable: `Object.keys` shows the fields only). */
export interface ResultMethods {
  /** A plain copy for `JSON.stringify`, date-times written in Infobip's format (`2026-01-01T10:00:00.000+0000`). */
  toJSON(): unknown;
}

/**
 * The result of a generated method: the answer's fields (camelCase; date-times as `Date`; open
 * enums keep values this version does not know; unknown fields are kept) and, one property away,
 * the response it came from.
 */
export type Result<T> = T extends object ? T & ResultMethods & { readonly $response: ResponseInfo } : T;

/** The result of an operation that answers without a body. */
export interface EmptyResult extends ResultMethods {
  readonly $response: ResponseInfo;
}

/** The result of an operation that answers with a file. */
export interface FileResult extends ResultMethods {
  /** The file's bytes. */
  data: Buffer;
  /** Its content type, as the server declared it. */
  contentType: string | null;
  /** Its name, from `Content-Disposition`, when the server gave one. */
  fileName: string | null;
  readonly $response: ResponseInfo;
}

/** The result of an operation that answers with text. */
export interface TextResult extends ResultMethods {
  text: string;
  readonly $response: ResponseInfo;
}

/**
 * What an operation that pages returns: `await` it for the first page, or go through every item
 * of every page with `for await (const item of client.x.listY(params))`; `.pages()` goes through
 * the pages. It stops after the last page, at an empty page, or (with a DecodeError) when the API
 * repeats a cursor. Nothing is sent until it is awaited or iterated.
 */
export interface PagePromise<Page, Item> extends PromiseLike<Page>, AsyncIterable<Item & ResultMethods> {
  catch<T = never>(onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null): Promise<Page | T>;
  finally(onFinally?: (() => void) | null): Promise<Page>;
  /** Every page, typed, each with its `$response`. */
  pages(): AsyncIterable<Page>;
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

/**
 * A client of the Infobip API: one connection pool; share one instance. Every product is a
 * namespace named after its spec file (`client.whatsapp`, `client.email`, `client.messagesApi`,
 * `client.numberLookup`, `client.tfa`, …) with one method per operation, named after its
 * `operationId` in camelCase (`send-whatsapp-template-message` → `sendWhatsappTemplateMessage`).
 */
export interface Infobip extends Namespaces {}
export declare class Infobip {
  constructor(options?: InfobipOptions);
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

// ---- SMS and 2FA: the hand-written calls ---------------------------------------------------
// Their types are the generated ones of the SMS and 2FA specs (`sms.*`, `tfa.*`); the names
// below are aliases kept for code written against earlier versions. Lists the core always
// returns are declared as present.

/** A date-time given to the SDK: a Date, or a string in any ISO 8601 / Infobip form. */
export type DateInput = Date | string;

/** Open enums: the known values, or any other string the API may add. */
export type StatusGroupName = SmsTypes.MessageGeneralStatus;
export type BulkStatusName = SmsTypes.BulkStatus;
export type SmsDestination = SmsTypes.input.Destination;
export type SmsContent = SmsTypes.input.SmsMessageContent;
/** One message of a send; see the API reference for every option. */
export type SmsMessage = SmsTypes.input.SmsMessage;
/** Options of a whole send (bulk id, schedule, tracking, ...). */
export type SmsSendOptions = SmsTypes.input.SmsMessageRequestOptions;

/** The short form of a send: one text to one number (the SDK's own, not the API's). */
export interface SmsTextSend {
  to: string;
  text: string;
  sender?: string;
}

/** The API's form of a send. */
export type SmsSendRequest = SmsTypes.input.SmsRequestEnvelope;
export type SmsStatus = SmsTypes.MessageStatus;
export type SmsError = SmsTypes.MessageError;
export type SentMessage = SmsTypes.MessageResponseSmsMessageResponseDetails;
export type SendResult = SmsTypes.SmsResponseEnvelope & {
  messages: SentMessage[];
  /** The request id of the response. */
  requestId: string | null;
} & ResultMethods;
export type Price = SmsTypes.MessagePrice;
export type Platform = SmsTypes.Platform;
export type SmsLog = SmsTypes.SmsLogSmsMessageContent;
export type DeliveryReport = SmsTypes.DeliveryReport;
export type InboundMessage = SmsTypes.SmsMoReport;

/** The filter of `client.sms.logs(...)`: the query of `GET /sms/3/logs`, and when to stop. */
export type LogsFilter = Omit<SmsTypes.GetOutboundSmsMessageLogsV3Request, 'useCursor' | 'cursor'> & {
  /** Stop after this many logs. */
  maxResults?: number;
};
export type ReportsFilter = SmsTypes.GetOutboundSmsMessageDeliveryReportsV3Request;
export type PreviewRequest = SmsTypes.input.PreviewRequest;
export type PreviewResult = SmsTypes.PreviewResponse & { previews: SmsTypes.Preview[] } & ResultMethods;
export type BulkSchedule = SmsTypes.BulkResponse & ResultMethods;
export type BulkStatusInfo = SmsTypes.BulkStatusResponse & ResultMethods;
/** A send over query parameters (`GET /sms/3/text/query`); names as the API's parameters. */
export type SmsSendQuery = SmsTypes.SendSmsMessagesOverQueryParametersRequest;
/** One message of a v2 send: `text` for `sendV2Text`, `binary` for `sendV2Binary`. */
export type LegacySmsMessage = SmsTypes.input.SMSTextualMessage | SmsTypes.input.SMSBinaryMessage;
/** A v2 send request (`/sms/2/text/advanced`, `/sms/2/binary/advanced`). */
export type LegacySendRequest = SmsTypes.input.SMSTextualRequest | SmsTypes.input.SMSAdvancedBinaryRequest;
/** The result of a v2 send. */
export type LegacySendResult = SmsTypes.SMSResponse & {
  messages: SmsTypes.SMSResponseDetails[];
  /** The request id of the response. */
  requestId: string | null;
} & ResultMethods;
/** A v1 delivery report (of a v2 send). */
export type LegacyReport = SmsTypes.SmsReport;

/** `client.sms`: the hand-written calls, and a method for every operation of the SMS spec. */
export interface Sms extends SmsTypes.Sms {
  send(request: SmsTextSend | SmsSendRequest, options?: RequestOptions): Promise<SendResult>;
  /** Sends a text over query parameters (`GET /sms/3/text/query`); never retried. */
  sendQuery(query: SmsSendQuery, options?: RequestOptions): Promise<SendResult>;
  /** Sends text messages with the v2 API (`POST /sms/2/text/advanced`). */
  sendV2Text(request: SmsTypes.input.SMSTextualRequest, options?: RequestOptions): Promise<LegacySendResult>;
  /** Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`). */
  sendV2Binary(request: SmsTypes.input.SMSAdvancedBinaryRequest, options?: RequestOptions): Promise<LegacySendResult>;
  /** The v1 delivery reports of v2 sends (`GET /sms/1/reports`); consume-once. */
  deliveryReportsV1(filter?: ReportsFilter, options?: RequestOptions): Promise<{ results: LegacyReport[] } & ResultMethods>;
  preview(request: PreviewRequest, options?: RequestOptions): Promise<PreviewResult>;
  /** Consume-once: each report is returned once. */
  deliveryReports(filter?: ReportsFilter, options?: RequestOptions): Promise<{ results: DeliveryReport[] } & ResultMethods>;
  /** Consume-once: each message is returned once. */
  inbound(params?: { limit?: number }, options?: RequestOptions): Promise<SmsTypes.SmsMoReportResponse & { results: InboundMessage[] } & ResultMethods>;
  /** Every matching log, page after page. */
  logs(filter?: LogsFilter, options?: RequestOptions): AsyncGenerator<SmsLog & ResultMethods, void, undefined>;
  getBulkSchedule(bulkId: string, options?: RequestOptions): Promise<BulkSchedule>;
  rescheduleBulk(bulkId: string, sendAt: DateInput, options?: RequestOptions): Promise<BulkSchedule>;
  getBulkStatus(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  pauseBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  resumeBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  cancelBulk(bulkId: string, options?: RequestOptions): Promise<BulkStatusInfo>;
  logConversion(messageId: string, options?: RequestOptions): Promise<SmsTypes.EndTagResponse & ResultMethods>;
}

export type TfaApplicationConfiguration = TfaTypes.input.ApplicationConfiguration;
export type TfaApplicationRequest = TfaTypes.input.ApplicationRequest;
export type TfaApplication = TfaTypes.ApplicationResponse;
export type PinType = TfaTypes.PinType;
export type TfaTemplateRequest = TfaTypes.input.CreateSmsOrVoiceMessageRequest;
export type TfaEmailTemplateRequest = TfaTypes.input.CreateEmailMessageRequest;
export type TfaTemplate = TfaTypes.Message;
export type SendPinRequest = TfaTypes.input.StartAuthenticationRequest;
export type SendEmailPinRequest = TfaTypes.input.StartEmailAuthenticationRequest;
export type PinSent = TfaTypes.StartAuthenticationResponse & TfaTypes.StartEmailAuthenticationResponse;
export type PinVerification = TfaTypes.VerifyPinResponse;
export type Verifications = TfaTypes.VerificationResponse & { verifications: TfaTypes.Verification[] };

/** `client.tfa`: the hand-written calls, and a method for every operation of the 2FA spec. */
export interface Tfa extends TfaTypes.Tfa {
  applications(options?: RequestOptions): Promise<TfaApplication[]>;
  application(appId: string, options?: RequestOptions): Promise<TfaApplication>;
  createApplication(request: TfaApplicationRequest, options?: RequestOptions): Promise<TfaApplication>;
  updateApplication(appId: string, request: TfaApplicationRequest, options?: RequestOptions): Promise<TfaApplication>;
  templates(appId: string, options?: RequestOptions): Promise<TfaTemplate[]>;
  template(appId: string, msgId: string, options?: RequestOptions): Promise<TfaTemplate>;
  createTemplate(appId: string, request: TfaTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  updateTemplate(appId: string, msgId: string, request: TfaTypes.input.UpdateSmsOrVoiceMessageRequest, options?: RequestOptions): Promise<TfaTemplate>;
  createEmailTemplate(appId: string, request: TfaEmailTemplateRequest, options?: RequestOptions): Promise<TfaTemplate>;
  updateEmailTemplate(appId: string, msgId: string, request: TfaTypes.input.UpdateEmailMessageRequest, options?: RequestOptions): Promise<TfaTemplate>;
  sendPin(request: SendPinRequest, options?: RequestOptions & { ncNeeded?: boolean }): Promise<PinSent>;
  sendPinVoice(request: SendPinRequest, options?: RequestOptions): Promise<PinSent>;
  sendPinEmail(request: SendEmailPinRequest, options?: RequestOptions): Promise<PinSent>;
  resendPin(pinId: string, request?: TfaTypes.input.ResendPinRequest, options?: RequestOptions): Promise<PinSent>;
  resendPinVoice(pinId: string, request?: TfaTypes.input.ResendPinRequest, options?: RequestOptions): Promise<PinSent>;
  resendPinEmail(pinId: string, request?: TfaTypes.input.ResendPinRequestViaEmail, options?: RequestOptions): Promise<PinSent>;
  /** Verifies a PIN: `verifyPin(pinId, { pin: '1234' })`. */
  verifyPin(pinId: string, request: TfaTypes.input.VerifyPinRequest, options?: RequestOptions): Promise<PinVerification>;
  /** The verification status of `msisdn`, optionally only `verified` / `sent` ones. */
  verifications(appId: string, params: { msisdn: string; verified?: boolean; sent?: boolean }, options?: RequestOptions): Promise<Verifications>;
}

// ---- Webhooks -----------------------------------------------------------------------------

/** A URL click pushed by Infobip (`sendDateTime` in epoch milliseconds). */
export type UrlClick = SmsTypes.UrlTrackingWebhook;

/** A pushed body: a Buffer, a Uint8Array or a string. */
export type WebhookBody = Buffer | Uint8Array | string;

/** Parse pushed bodies and verify their senders (synchronous; no I/O). */
export declare const webhooks: {
  /** Delivery reports from a push (v3 or legacy v1, JSON or XML). Throws DecodeError. */
  parseDeliveryReports(body: WebhookBody): Array<DeliveryReport & ResultMethods> & ResultMethods;
  /** Inbound messages from a push (`MO_JSON_2`). */
  parseInbound(body: WebhookBody): SmsTypes.SmsMoReportResponse & { results: InboundMessage[] } & ResultMethods;
  /** A URL click from a push. */
  parseClick(body: WebhookBody): UrlClick & ResultMethods;
  /** Throws WebhookVerificationError unless `authorization` carries these Basic credentials. */
  verifyBasic(authorization: string | undefined | null, credentials: { username: string; password: string }): void;
  /** Throws WebhookVerificationError unless `signature` (hex or base64) is the HMAC of `body`. */
  verifyHmac(body: WebhookBody, signature: string | undefined | null, options: { secret: string; algorithm?: string }): void;
};
