'use strict';
// `client.sms`: typed SMS calls. Arguments go to the native side as JSON text (Dates become
// date-time strings the core reads); results come back as plain objects.

const { invoke, invokeTyped, bodyText, revive } = require('./call.js');

class Sms {
  #native;

  constructor(native) {
    this.#native = native;
  }

  /** Sends `{ to, text, sender }` or `{ messages, options }` (`POST /sms/3/messages`). */
  send(request, options) {
    return invokeTyped(options, (callOptions, token) => this.#native.smsSend(bodyText(request), callOptions, token));
  }

  /** Previews how a text is split into SMS. */
  preview(request, options) {
    return invokeTyped(options, (_, token) => this.#native.smsPreview(bodyText(request), token));
  }

  /** Pulls delivery reports (consume-once: each report is returned once). */
  deliveryReports(filter, options) {
    return invokeTyped(options, (_, token) => this.#native.smsDeliveryReports(bodyText(filter), token));
  }

  /** Pulls inbound messages (consume-once). */
  inbound(params, options) {
    return invokeTyped(options, (_, token) => this.#native.smsInbound(bodyText(params), token));
  }

  /** Every log matching `filter`, fetched page by page: `for await (const log of client.sms.logs({ bulkId }))`. */
  async *logs(filter) {
    const stream = await invoke(undefined, async () => this.#native.smsLogs(bodyText(filter)));
    for (;;) {
      const log = await invoke(undefined, () => stream.next());
      if (log === null) return;
      yield revive(log);
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
    return invokeTyped(options, (_, token) => this.#native.smsLogConversion(messageId ?? null, token));
  }

  #bulk(action, bulkId, sendAt, options) {
    return invokeTyped(options, (_, token) => this.#native.smsBulk(action, bulkId ?? null, sendAt, token));
  }
}

module.exports = { Sms };
