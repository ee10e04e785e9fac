'use strict';
// The runtime of the generated layer (lib/generated/): a method's params object becomes the
// operation's `{ path, query, headers, body }` (wire names), goes through the native `call` (the
// core's one operation path: validation, auth, throttling, retries, send rules, errors), and the
// answer crosses back once, as text: `JSON.parse` reads it and the generated reader of its type
// converts only what needs converting (date-times into Dates, a few renamed fields) in place.
// Results are plain objects with a non-enumerable `$response` and `toJSON`.

const { invoke, bodyText, checkTree } = require('./call.js');
const { ValidationError } = require('./errors.js');
const { readJson, finish, RawResponse, date, list, map, has } = require('./results.js');

const NATIVE = Symbol('infobip.native');

/** The base of every namespace class (`client.whatsapp`, …); it holds the native client. */
class Namespace {
  constructor(nativeClient) {
    Object.defineProperty(this, NATIVE, { value: nativeClient });
  }
}

/** An operation's descriptor, as the generated tables write it. */
function op(id, spec = {}) {
  const params = new Map();
  for (const [name, at, wire] of spec.params ?? []) params.set(name, { at, wire: wire ?? name });
  return {
    id,
    params,
    body: spec.body,
    write: spec.write,
    read: spec.read,
    result: spec.result ?? 'json',
    items: spec.items,
  };
}

function refused(property, message) {
  return new ValidationError(`invalid request: ${property}: ${message}`, { code: 'validation', violations: [{ property, message }] });
}

/**
 * The operation's parts from one params object: its path, query and header parameters by wire
 * name, and the body (the remaining keys when the body's fields sit beside the parameters, else
 * `params.body`). A key the operation does not know goes to the query, where the core names it
 * (or, with `validate: false`, sends it).
 */
function split(operation, params) {
  const parts = { path: {}, query: {}, headers: {}, body: undefined };
  if (params === undefined || params === null) return parts;
  if (typeof params !== 'object' || Array.isArray(params)) throw refused('params', 'must be an object of the operation\'s parameters');
  // A cycle or nesting past the limit is named by its path in the caller's params (before the
  // generated writers walk the body).
  checkTree(params, 'params', []);
  let fields;
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value === undefined) continue;
    const param = operation.params.get(name);
    if (param !== undefined) {
      parts[param.at][param.wire] = value;
    } else if (operation.body === 'fields') {
      (fields ??= {})[name] = value;
    } else if (operation.body === 'body' && name === 'body') {
      parts.body = value;
    } else {
      parts.query[name] = value;
    }
  }
  if (fields !== undefined) parts.body = fields;
  if (parts.body !== undefined && operation.write !== undefined) parts.body = operation.write(parts.body);
  return parts;
}

/** Runs an operation: the promise of its result. */
async function call(namespace, operation, params, options) {
  const client = namespace[NATIVE];
  const parts = split(operation, params);
  const answer = await invoke(options, (callOptions, token) =>
    client.call(operation.id, bodyText(parts), callOptions, token, operation.result),
  );
  return result(operation, answer);
}

/** What one native answer becomes: the typed result with its `$response`. */
function result(operation, answer) {
  const response = new RawResponse(answer);
  switch (operation.result) {
    case 'empty':
      return finish({}, response);
    case 'text':
      return finish({ text: answer.body ?? '' }, response);
    case 'file':
      return finish({ data: answer.bytes, contentType: answer.contentType ?? null, fileName: answer.fileName ?? null }, response);
    default:
      return finish(readJson(answer.body, operation.read, operation.id), response);
  }
}

// ---- paging ----------------------------------------------------------------------------------

/**
 * What a paging operation returns: awaiting it gives the first page (as the caller asked for
 * it); `for await` goes through every item of every page, and `.pages()` through the pages. The
 * core's pager decides when to stop (no next cursor, the last page, an empty page, a cursor the
 * API repeats). Nothing is sent until it is awaited or iterated.
 */
class PagePromise {
  #first;
  #start;

  constructor(first, start) {
    this.#first = first;
    this.#start = start;
  }

  #promise() {
    return (this.#start ??= this.#first());
  }

  then(onFulfilled, onRejected) {
    return this.#promise().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#promise().catch(onRejected);
  }

  finally(onFinally) {
    return this.#promise().finally(onFinally);
  }

  get [Symbol.toStringTag]() {
    return 'PagePromise';
  }
}

/** Runs a paging operation (see PagePromise). */
function pages(namespace, operation, params, options) {
  const client = namespace[NATIVE];
  const first = () => call(namespace, operation, params, options);
  const promise = new PagePromise(first);
  const iteratePages = async function* iteratePages() {
    const parts = split(operation, params);
    const pager = await invoke(options, async (callOptions) => client.pages(operation.id, bodyText(parts), callOptions));
    for (;;) {
      const answer = await invoke(options, (_, token) => pager.next(token));
      if (answer === null) return;
      yield result(operation, answer);
    }
  };
  Object.defineProperty(promise, 'pages', { value: iteratePages });
  Object.defineProperty(promise, Symbol.asyncIterator, {
    value: async function* items() {
      for await (const page of iteratePages()) {
        const found = page[operation.items];
        if (Array.isArray(found)) for (const item of found) yield finish(item);
      }
    },
  });
  return promise;
}

module.exports = { Namespace, NATIVE, op, call, pages, date, list, map, has, PagePromise };
