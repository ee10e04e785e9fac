'use strict';

const util = require('node:util');
const { NativeClient, catalogOperations, catalogRequiredScopes } = require('./native.js');
const { fromNative, ConfigurationError } = require('./errors.js');
const { invoke, invokeSync, bodyText } = require('./call.js');
const namespaces = require('./generated/index.js');

const LEVELS = new Set(['error', 'warn', 'info', 'debug', 'trace']);

/** `(level, line)` for the native side, calling the matching method of a console-like logger. */
function loggerFunction(logger) {
  if (logger === undefined || logger === null) return undefined;
  if (typeof logger === 'function') return (level, line) => logger(level, line);
  if (typeof logger !== 'object') {
    throw new ConfigurationError('logger: must be a function (level, line) or an object with debug/info/warn/error methods', { code: 'config' });
  }
  return (level, line) => {
    const method = LEVELS.has(level) && typeof logger[level] === 'function' ? logger[level] : logger.log;
    if (typeof method === 'function') method.call(logger, line);
  };
}

/** The body of a generic answer: JSON when it is JSON, else the text; `null` when empty or binary. */
function answerBody(answer) {
  const text = answer.body;
  if (text === undefined || text === null || text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A client of the Infobip API. One connection pool; share one instance across your app.
 * Every product is a namespace named after its spec file (`client.whatsapp`, `client.email`,
 * `client.messagesApi`, …), created on first use, with one method per operation.
 */
class Infobip {
  #native;
  #namespaces = Object.create(null);

  static {
    for (const [name, load] of Object.entries(namespaces)) {
      Object.defineProperty(Infobip.prototype, name, {
        configurable: true,
        get() {
          return (this.#namespaces[name] ??= new (load())(this.#native));
        },
      });
    }
  }

  /**
   * @param {object} [options] `{ baseUrl, apiKey | basic | ibsso | oauth2, timeout, connectTimeout,
   *   maxRetries, userAgentSuffix, validate, logger }`; anything missing comes from `INFOBIP_*`
   *   variables. `validate: false` sends requests the spec refuses (per call too).
   */
  constructor(options) {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new ConfigurationError('options: must be an object like { baseUrl, apiKey }', { code: 'config' });
    }
    const { logger, ...rest } = options ?? {};
    const log = loggerFunction(logger);
    try {
      this.#native = new NativeClient(rest, log);
    } catch (error) {
      throw fromNative(error, ConfigurationError);
    }
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return this.#native.baseUrl;
  }

  /**
   * Sends a request to any endpoint with the client's auth, retries and error mapping.
   * @returns {Promise<{ status: number, requestId: string | null, attempts: number, body: any }>}
   */
  async request(method, path, params, options) {
    const { query, body } = params ?? {};
    const answer = await invoke(options, (callOptions, token) =>
      this.#native.request(method, path, query, bodyText(body), callOptions, token),
    );
    return { status: answer.status, requestId: answer.requestId ?? null, attempts: answer.attempts, body: answerBody(answer) };
  }

  /**
   * Calls any operation of the catalog by id (`get-account-balance`, `send-sms-messages`, ...).
   * `params` is `{ path, query, headers, body }`, every part optional; they are checked against
   * the operation's spec before anything is sent (a ValidationError lists every problem, body
   * problems by JSON pointer). An unknown id is a ValidationError suggesting the closest ids.
   * @returns {Promise<{ status: number, requestId: string | null, attempts: number, body: any }>}
   */
  async call(operationId, params, options) {
    const answer = await invoke(options, (callOptions, token) =>
      this.#native.call(operationId, bodyText(params ?? undefined), callOptions, token),
    );
    return { status: answer.status, requestId: answer.requestId ?? null, attempts: answer.attempts, body: answerBody(answer) };
  }

  /** The operations `call` reaches; `{ search }` keeps those with every word in the id, product, method, path or summary. */
  operations(params) {
    return Infobip.operations(params);
  }

  /** Every operation of the catalog (no client needed); see `operations()` on a client. */
  static operations(params) {
    return operations(params);
  }

  /** Ends an IBSSO session, if one is open. The client stays usable. */
  async close(options) {
    await invoke(options, (callOptions, token) => this.#native.close(callOptions, token));
  }

  [util.inspect.custom]() {
    return `Infobip ${this.#native.describe()}`;
  }

  toString() {
    return `Infobip ${this.#native.describe()}`;
  }
}

/** The operations of the catalog, optionally only those matching `{ search }`. */
function operations(params) {
  const search = params?.search;
  return JSON.parse(invokeSync(() => catalogOperations(search ?? undefined)));
}

/** The scopes an API key needs for an operation (any one is enough); `null` for an unknown id. */
function requiredScopes(operationId) {
  return invokeSync(() => catalogRequiredScopes(operationId));
}

module.exports = { Infobip, operations, requiredScopes };
