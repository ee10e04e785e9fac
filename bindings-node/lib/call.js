'use strict';
// Runs one native call with its per-call options: `signal` is wired to a native CancelToken, so an
// abort drops the call's Rust future (closing its request); failures become InfobipErrors.

const { CancelToken } = require('./native.js');
const { fromNative, ValidationError } = require('./errors.js');
const { readJson, finish, formatDateTime } = require('./results.js');

/**
 * @param {object | undefined} options `{ signal, timeout, maxRetries, validate }`
 * @param {(callOptions: object | undefined, token: CancelToken | undefined) => Promise<any>} start
 */
async function invoke(options, start) {
  if (options === undefined || options === null) {
    try {
      return await start(undefined, undefined);
    } catch (error) {
      throw fromNative(error);
    }
  }
  if (typeof options !== 'object') {
    throw new ValidationError('options: must be an object like { signal, timeout, maxRetries }', {
      code: 'validation',
      violations: [{ property: 'options', message: 'must be an object' }],
    });
  }
  const { signal, ...callOptions } = options;
  let token;
  let onAbort;
  if (signal !== undefined) {
    if (!isAbortSignal(signal)) {
      throw new ValidationError('signal: must be an AbortSignal', {
        code: 'validation',
        violations: [{ property: 'signal', message: 'must be an AbortSignal' }],
      });
    }
    token = new CancelToken();
    if (signal.aborted) token.cancel();
    onAbort = () => token.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    return await start(callOptions, token);
  } catch (error) {
    throw fromNative(error);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** Runs a synchronous native call; what it throws becomes an InfobipError. */
function invokeSync(fn) {
  try {
    return fn();
  } catch (error) {
    throw fromNative(error);
  }
}

function isAbortSignal(value) {
  return typeof value === 'object' && value !== null && typeof value.aborted === 'boolean' && typeof value.addEventListener === 'function';
}

/** How deeply a body may nest (the core's limit for every language). */
const MAX_DEPTH = 128;

function refused(path, message) {
  return new ValidationError(`invalid request: ${path}: ${message}`, {
    code: 'validation',
    violations: [{ property: path, message }],
  });
}

/**
 * Throws a ValidationError naming the path of an object that holds itself (a cycle) or nests
 * deeper than MAX_DEPTH; objects with `toJSON` (Dates) are left to JSON.stringify.
 */
function checkTree(value, path, open) {
  if (value === null || typeof value !== 'object' || typeof value.toJSON === 'function') return;
  if (open.includes(value)) throw refused(path, 'contains itself (a cycle), which cannot be sent as JSON');
  if (open.length >= MAX_DEPTH) throw refused(path, `nests deeper than the limit of ${MAX_DEPTH} levels`);
  open.push(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) checkTree(value[i], `${path}[${i}]`, open);
  } else {
    for (const key of Object.keys(value)) checkTree(value[key], `${path}.${key}`, open);
  }
  open.pop();
}

/**
 * JSON text of a request (a body, or a call's `{ path, query, headers, body }`) named `name`:
 * Dates are written in Infobip's format; an invalid Date is kept as text so that the core names
 * the field. A cycle, nesting past 128 levels or a value JSON cannot hold (a BigInt) is a
 * ValidationError.
 */
function bodyText(body, name = 'body') {
  if (body === undefined) return undefined;
  checkTree(body, name, []);
  try {
    return stringify(body);
  } catch (error) {
    throw refused(name, `cannot be sent as JSON: ${error.message}`);
  }
}

function stringify(body) {
  return JSON.stringify(body, function replacer(key, value) {
    const original = this[key];
    if (original instanceof Date) return formatDateTime(original) ?? 'Invalid Date';
    return value;
  });
}

/**
 * `invoke` for calls whose native side answers with JSON text (date-times as epoch
 * milliseconds): the result is read with `read` (a generated reader) and gets `toJSON`.
 */
async function invokeTyped(options, start, read) {
  const text = await invoke(options, start);
  return finish(readJson(text, read, 'the call'));
}

module.exports = { invoke, invokeSync, invokeTyped, bodyText, checkTree };
