'use strict';
// `client.sms`: the hand-written SMS calls of the core (short-form sends, id assignment, SMS
// validation, the logs iterator), beside the generated methods of every SMS operation, which
// this class extends. Arguments go to the native side as JSON text (Dates in Infobip's format);
// results come back as JSON text, read by the generated readers of the spec's types.

const { invoke, invokeTyped, bodyText } = require('./call.js');
const { NATIVE } = require('./typed.js');
const { readJson, finish, list } = require('./results.js');
const generated = require('./generated/sms.js');

const { read } = generated;
const readLogs = (value) => list(value, read.SmsLogSmsMessageContent);

class Sms extends generated.Sms {
  get #native() {
    return this[NATIVE];
  }

  /** Sends `{ to, text, sender }` or `{ messages, options }` (`POST /sms/3/messages`). */
  send(request, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsSend(bodyText(request), callOptions, token), read.SmsResponseEnvelope);
  }

  /** Sends a text over query parameters (`GET /sms/3/text/query`): `{ to, text, from, ... }`; never retried. */
  sendQuery(query, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsSendQuery(bodyText(query), callOptions, token), read.SmsResponseEnvelope);
  }

  /** Sends text messages with the v2 API (`POST /sms/2/text/advanced`), for accounts that still use it. */
  sendV2Text(request, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsSendV2(bodyText(request), false, callOptions, token), read.SMSResponse);
  }

  /** Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`). */
  sendV2Binary(request, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsSendV2(bodyText(request), true, callOptions, token), read.SMSResponse);
  }

  /** Previews how a text is split into SMS. */
  preview(request, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsPreview(bodyText(request), callOptions, token), read.PreviewResponse);
  }

  /** Pulls delivery reports (consume-once: each report is returned once). */
  deliveryReports(filter, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsDeliveryReports(bodyText(filter), false, callOptions, token), read.DeliveryReports);
  }

  /** Pulls the v1 delivery reports of v2 sends (`GET /sms/1/reports`; consume-once). */
  deliveryReportsV1(filter, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsDeliveryReports(bodyText(filter), true, callOptions, token), read.SMSReportResponse);
  }

  /** Pulls inbound messages (consume-once). */
  inbound(params, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsInbound(bodyText(params), callOptions, token), read.SmsMoReportResponse);
  }

  /**
   * Every log matching `filter`, fetched page by page: `for await (const log of client.sms.logs({ bulkId }))`.
   * `options` apply to each page's request; its `signal` ends the iteration with an AbortError.
   */
  async *logs(filter, options) {
    const stream = await invoke(options, async (callOptions) => this.#native.smsLogs(bodyText(filter), callOptions));
    for (;;) {
      // One page at a time crosses from the native side, as JSON text.
      const page = await invoke(options, (_, token) => stream.next(token));
      if (page === null) return;
      for (const log of readJson(page, readLogs, 'the logs')) yield finish(log);
    }
  }

  /** When a scheduled bulk is sent. */
  getBulkSchedule(bulkId, options) {
    return this.#bulk('schedule', bulkId, undefined, options);
  }

  /** Moves a scheduled bulk to `sendAt` (a Date or a date-time string). */
  rescheduleBulk(bulkId, sendAt, options) {
    return this.#bulk('reschedule', bulkId, bodyText(sendAt ?? null), options);
  }

  /** The state of a scheduled bulk. */
  getBulkStatus(bulkId, options) {
    return this.#bulk('status', bulkId, undefined, options);
  }

  pauseBulk(bulkId, options) {
    return this.#bulk('pause', bulkId, undefined, options);
  }

  resumeBulk(bulkId, options) {
    return this.#bulk('resume', bulkId, undefined, options);
  }

  cancelBulk(bulkId, options) {
    return this.#bulk('cancel', bulkId, undefined, options);
  }

  /** Reports a conversion of a message sent with conversion tracking. */
  logConversion(messageId, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsLogConversion(messageId ?? null, callOptions, token), read.EndTagResponse);
  }

  #bulk(action, bulkId, sendAt, options) {
    const reader = action === 'schedule' || action === 'reschedule' ? read.BulkResponse : read.BulkStatusResponse;
    return invokeTyped(options, (callOptions, token) => this.#native.smsBulk(action, bulkId ?? null, sendAt, callOptions, token), reader);
  }
}

module.exports = { Sms };
