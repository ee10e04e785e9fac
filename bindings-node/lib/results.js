'use strict';
// Reading answers into results, for generated and hand-written calls alike: the answer's text is
// parsed once with `JSON.parse`, then a reader (generated per type, lib/generated/) converts only
// the date-times into Dates, in place. Results are plain objects with a non-enumerable `toJSON`
// (Dates in Infobip's format) and, for generated calls, a non-enumerable `$response`.

const { DecodeError } = require('./errors.js');
const native = require('./native.js');

/** Parses an answer's JSON text (an empty body reads as `{}`) and applies `read`. */
function readJson(text, read, what) {
  let value;
  if (text === undefined || text === null || text === '') {
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new DecodeError(`the answer of ${what} is not JSON: ${error.message}`, { code: 'decode' });
    }
  }
  return read === undefined ? value : read(value);
}

/** Gives an object result its non-enumerable `$response` (when known) and `toJSON`. */
function finish(value, response) {
  if (value !== null && typeof value === 'object') {
    if (response !== undefined) Object.defineProperty(value, '$response', { value: response, configurable: true });
    Object.defineProperty(value, 'toJSON', { value: toJSON, configurable: true, writable: true });
  }
  return value;
}

/** The HTTP response a result came from: status, headers (names in lower case), request id. */
class RawResponse {
  #lines;
  #headers;

  constructor(answer) {
    /** The HTTP status. */
    this.status = answer.status;
    /** The request id the API gave (`X-Request-Id`), or null. */
    this.requestId = answer.requestId ?? null;
    /** Attempts made (1 unless retried). */
    this.attempts = answer.attempts;
    this.#lines = answer.headers ?? '';
  }

  /** The response headers: lower-case name → value (repeated headers joined by `, `). */
  get headers() {
    if (this.#headers === undefined) {
      const headers = {};
      for (const line of this.#lines.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon);
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
      }
      this.#headers = headers;
    }
    return this.#headers;
  }

  toJSON() {
    return { status: this.status, requestId: this.requestId, attempts: this.attempts, headers: this.headers };
  }
}

// ---- reading ---------------------------------------------------------------------------------

/** A date-time of an answer as a Date: epoch milliseconds, or text in any Infobip form. */
function date(value) {
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string') return value;
  const ms = fastDateTime(value);
  if (ms !== undefined) return new Date(ms);
  const read = native.parseDateTime(value);
  // Not a date-time at all: kept as the API sent it (the rest of the answer is still read).
  return read === null ? value : new Date(read);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch milliseconds of `yyyy-MM-ddTHH:mm:ss[.f…][Z|±HH|±HHmm|±HH:mm]`, the forms the API writes
 * nearly always; `undefined` for anything else, which the core's reader then reads.
 */
function fastDateTime(s) {
  const n = s.length;
  if (n < 19 || s.charCodeAt(10) !== 84 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return undefined;
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS[month - 1] + (leap ? 1 : 0)) return undefined;
  let i = 19;
  let millis = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i += 1;
    const start = i;
    let scale = 100;
    while (i < n) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      millis += d * scale;
      scale /= 10;
      i += 1;
    }
    if (i === start || i - start > 9) return undefined;
    millis = Math.floor(millis);
  }
  let offset = 0;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 90 || c === 122) {
      if (i + 1 !== n) return undefined;
    } else if (c === 43 || c === 45) {
      const rest = n - i - 1;
      const hours = digits(s, i + 1, 2);
      let minutes = 0;
      if (rest === 4) minutes = digits(s, i + 3, 2);
      else if (rest === 5 && s.charCodeAt(i + 3) === 58) minutes = digits(s, i + 4, 2);
      else if (rest !== 2) return undefined;
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
      offset = (c === 45 ? -1 : 1) * (hours * 60 + minutes);
    } else {
      return undefined;
    }
  }
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/** The number written by `count` digits at `at`, or -1. */
function digits(s, at, count) {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Reads every item of a list with `read`, in place; anything else is kept. */
function list(value, read) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = read(value[i]);
  }
  return value;
}

/** Reads every value of a map with `read`, in place. */
function map(value, read) {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) value[key] = read(value[key]);
  }
  return value;
}

/** Whether `value` is an object that has every one of `keys` (how a union's variant is chosen). */
function has(value, keys) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key of keys) if (!Object.hasOwn(value, key)) return false;
  return true;
}

// ---- writing ---------------------------------------------------------------------------------

/** A Date in Infobip's format (`2026-01-01T10:00:00.000+0000`); `null` for an invalid Date. */
function formatDateTime(value) {
  const time = value.getTime();
  if (Number.isNaN(time)) return null;
  const iso = value.toISOString();
  return iso.length === 24 ? `${iso.slice(0, 23)}+0000` : iso;
}

/** `toJSON` of every result: a copy with each Date written in Infobip's format. */
function toJSON() {
  return plain(this);
}

function plain(value) {
  if (value instanceof Date) return formatDateTime(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = plain(value[key]);
    return out;
  }
  return value;
}

module.exports = { readJson, finish, RawResponse, date, list, map, has, formatDateTime };
