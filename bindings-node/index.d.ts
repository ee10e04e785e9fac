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

/** A client of the Infobip API: one connection pool; share one instance. */
export declare class Infobip {
  constructor(options?: InfobipOptions);
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** Sends a request to any endpoint, with the client's auth, retries and error mapping. */
  request<T = unknown>(method: string, path: string, params?: RequestParams, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Ends an IBSSO session, if one is open. */
  close(): Promise<void>;
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
/** A response could not be read. */
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
/** The call was cancelled through its `AbortSignal` (`name` is `AbortError`). */
export declare class AbortError extends InfobipError {}
