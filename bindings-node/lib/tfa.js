'use strict';
// `client.tfa`: the hand-written 2FA calls, each one core call through the native `tfaCall`,
// beside the generated methods of every 2FA operation, which this class extends. (No 2FA answer
// holds a date-time, so their JSON text is read as it is.)

const { invokeTyped, bodyText } = require('./call.js');
const { NATIVE } = require('./typed.js');
const generated = require('./generated/tfa.js');

class Tfa extends generated.Tfa {
  #call(method, ids, body, options, flag, flag2) {
    return invokeTyped(options, (callOptions, token) =>
      this[NATIVE].tfaCall(method, ids.map((id) => id ?? null), bodyText(body), flag, flag2, callOptions, token),
    );
  }

  applications(options) {
    return this.#call('applications', [], undefined, options);
  }
  application(appId, options) {
    return this.#call('application', [appId], undefined, options);
  }
  createApplication(request, options) {
    return this.#call('createApplication', [], request, options);
  }
  updateApplication(appId, request, options) {
    return this.#call('updateApplication', [appId], request, options);
  }
  templates(appId, options) {
    return this.#call('templates', [appId], undefined, options);
  }
  template(appId, msgId, options) {
    return this.#call('template', [appId, msgId], undefined, options);
  }
  createTemplate(appId, request, options) {
    return this.#call('createTemplate', [appId], request, options);
  }
  updateTemplate(appId, msgId, request, options) {
    return this.#call('updateTemplate', [appId, msgId], request, options);
  }
  createEmailTemplate(appId, request, options) {
    return this.#call('createEmailTemplate', [appId], request, options);
  }
  updateEmailTemplate(appId, msgId, request, options) {
    return this.#call('updateEmailTemplate', [appId, msgId], request, options);
  }
  /** Sends a PIN over SMS; `{ ncNeeded }` asks for a number lookup first. */
  sendPin(request, options) {
    return this.#call('sendPin', [], request, options, options?.ncNeeded);
  }
  sendPinVoice(request, options) {
    return this.#call('sendPinVoice', [], request, options);
  }
  sendPinEmail(request, options) {
    return this.#call('sendPinEmail', [], request, options);
  }
  resendPin(pinId, request, options) {
    return this.#call('resendPin', [pinId], request ?? {}, options);
  }
  resendPinVoice(pinId, request, options) {
    return this.#call('resendPinVoice', [pinId], request ?? {}, options);
  }
  resendPinEmail(pinId, request, options) {
    return this.#call('resendPinEmail', [pinId], request ?? {}, options);
  }
  /** Verifies a PIN: `verifyPin(pinId, { pin: '1234' })`. */
  verifyPin(pinId, request, options) {
    return this.#call('verifyPin', [pinId], request, options);
  }
  /** The verification status of `msisdn`, optionally only `verified` / `sent` ones. */
  verifications(appId, params, options) {
    return this.#call('verifications', [appId, params?.msisdn], undefined, options, params?.verified, params?.sent);
  }
}

module.exports = { Tfa };
