// Type-checked with `tsc --strict --noEmit` (not run): every public call of the package, so that
// index.d.ts and the generated native/binding.d.ts stay usable from strict TypeScript.
import {
  Infobip,
  InfobipError,
  ConfigurationError,
  ValidationError,
  WebhookVerificationError,
  APIConnectionError,
  APITimeoutError,
  OutcomeUnknownError,
  AuthFailedError,
  InternalError,
  DecodeError,
  APIStatusError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  AbortError,
  webhooks,
  operations,
  requiredScopes,
  type ApiResponse,
  type CallParams,
  type OperationInfo,
  type ErrorCode,
  type InfobipOptions,
  type RequestOptions,
  type Violation,
} from '../index.js';

export async function everyCall(): Promise<void> {
  const options: InfobipOptions = {
    baseUrl: 'http://127.0.0.1:1',
    apiKey: 'key',
    timeout: 5000,
    connectTimeout: 1000,
    maxRetries: 1,
    userAgentSuffix: 'types-test',
    maxResponseBytes: 1 << 20,
    logger: { debug: (line: string) => console.debug(line) },
  };
  const client = new Infobip(options);
  new Infobip();
  new Infobip({ basic: { username: 'u', password: 'p' } });
  new Infobip({ ibsso: { username: 'u', password: 'p' } });
  new Infobip({ oauth2: { clientId: 'id', clientSecret: 's' }, logger: (level, line) => console.log(level, line) });
  const baseUrl: string = client.baseUrl;
  const call: RequestOptions = { signal: AbortSignal.timeout(5000), maxRetries: 0, timeout: 1000 };
  const balance = await client.request<{ balance: number; currency: string }>('GET', '/account/1/balance', undefined, call);
  const amount: number = balance.body.balance;
  const status: number = balance.status;
  const requestId: string | null = balance.requestId;
  await client.request('GET', '/sms/3/logs', { query: { bulkId: ['a', 'b'], limit: 10, skip: undefined } });
  await client.request('POST', '/sms/3/messages', { body: { messages: [] } });
  await client.close({ timeout: 1000 });
  console.log(baseUrl, amount, status, requestId);

  const params: CallParams = { path: { appId: 'a' }, query: { limit: 1, bulkId: ['x'] }, headers: { 'X-Trace': 't' }, body: { name: 'n' } };
  const called: ApiResponse<{ balance: number }> = await client.call<{ balance: number }>('get-account-balance');
  await client.call('get-2fa-application', params, call);
  const listed: OperationInfo[] = operations({ search: 'sms logs' });
  const viaClient: OperationInfo[] = client.operations();
  const viaClass: OperationInfo[] = Infobip.operations({ search: '2fa' });
  const scopes: string[] | null = requiredScopes('get-account-balance');
  const first: OperationInfo | undefined = listed[0];
  console.log(called.body.balance, called.requestId, viaClient.length, viaClass.length, scopes, first?.id, first?.scopes, first?.deprecated);

  try {
    await client.request('GET', '/');
  } catch (e) {
    if (e instanceof RateLimitError) {
      const wait: number | null = e.retryAfterMs;
      console.log(wait, e.status, e.errorCode, e.text, e.requestId, e.body, e.action, e.requiredScopes);
    } else if (e instanceof APIStatusError) {
      const violations: Violation[] = e.violations;
      console.log(violations[0]?.property, e.resources[0]?.url, e.bodyIsJson, e.operation);
    } else if (e instanceof OutcomeUnknownError) {
      const ids: string[] = e.messageIds;
      console.log(e.bulkId, ids, e.reason);
    } else if (e instanceof AuthFailedError) {
      const status: number | null = e.status;
      console.log(e.scheme, e.cause, e.reason, status);
    } else if (e instanceof AbortError) {
      const ids: string[] = e.messageIds;
      const bulk: string | null = e.bulkId;
      console.log(bulk, ids);
    } else if (e instanceof ValidationError) {
      console.log(e.violations.map((v) => v.message));
    } else if (e instanceof DecodeError) {
      console.log(e.offset);
    } else if (e instanceof InfobipError) {
      const code: ErrorCode = e.code;
      console.log(code, e.attempts, e.message, e.name);
    }
  }
  const classes: Array<new (...args: never[]) => InfobipError> = [
    ConfigurationError,
    WebhookVerificationError,
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    InternalServerError,
    InternalError,
    AuthFailedError,
    AbortError,
  ];
  console.log(classes.length);
}

export async function everySmsAndTfaCall(client: Infobip): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  const r = await client.sms.send({ to: '41793026727', text: 'Hello', sender: 'InfoSMS' });
  const id: string | undefined = r.messages[0]?.messageId;
  const group: string | undefined = r.messages[0]?.status?.groupName;
  const requestId: string | null = r.requestId;
  await client.sms.send(
    { messages: [{ destinations: [{ to: '41793026727' }], sender: 'InfoSMS', content: { text: 'Hello' } }], options: { schedule: { sendAt: new Date() } } },
    { signal, maxRetries: 0, timeout: 1000 },
  );
  for await (const log of client.sms.logs({ bulkId: r.bulkId ?? '', sentSince: new Date(), limit: 100 })) {
    const sentAt: Date | undefined = log.sentAt;
    console.log(log.messageId, sentAt?.toISOString(), log.status?.groupName);
  }
  const reports = await client.sms.deliveryReports({ bulkId: 'b', limit: 10 });
  const doneAt: Date | undefined = reports.results[0]?.doneAt;
  const preview = await client.sms.preview({ text: 'Hi' });
  const inbound = await client.sms.inbound({ limit: 5 });
  const receivedAt: Date | undefined = inbound.results[0]?.receivedAt;
  const schedule = await client.sms.getBulkSchedule('b');
  await client.sms.rescheduleBulk('b', new Date());
  await client.sms.getBulkStatus('b');
  await client.sms.pauseBulk('b');
  await client.sms.resumeBulk('b');
  const canceled = await client.sms.cancelBulk('b', { signal });
  await client.sms.logConversion('m', { maxRetries: 0 });
  const query = await client.sms.sendQuery({ to: ['41793026727'], text: 'Hi', from: 'InfoSMS', sendAt: new Date() }, { signal });
  await client.sms.sendQuery({ to: '41793026727', text: 'Hi' });
  const v2 = await client.sms.sendV2Text({ bulkId: 'b', messages: [{ from: 'InfoSMS', destinations: [{ to: '41793026727' }], text: 'Hi' }] });
  await client.sms.sendV2Binary({ messages: [{ destinations: [{ to: '41793026727' }], binary: { hex: '48 69' } }] }, { timeout: 1000 });
  const v1 = await client.sms.deliveryReportsV1({ bulkId: v2.bulkId ?? '' }, { maxRetries: 1 });
  const v1DoneAt: Date | undefined = v1.results[0]?.doneAt;
  for await (const log of client.sms.logs({ limit: 1 }, { signal, timeout: 1000 })) console.log(log.bulkId);
  console.log(query.bulkId, query.requestId, v2.messages[0]?.smsCount, v2.requestId, v1DoneAt);
  console.log(id, group, requestId, doneAt, preview.previews[0]?.messageCount, receivedAt, schedule.sendAt, canceled.status);

  const app = await client.tfa.createApplication({ name: 'app', configuration: { pinAttempts: 3 } });
  const appId = app.applicationId ?? '';
  await client.tfa.applications({ signal, timeout: 1000, maxRetries: 0 });
  await client.tfa.application(appId);
  await client.tfa.updateApplication(appId, { name: 'app2' });
  const template = await client.tfa.createTemplate(appId, { pinType: 'NUMERIC', pinLength: 4, messageText: 'PIN {{pin}}' });
  const msgId = template.messageId ?? '';
  await client.tfa.templates(appId);
  await client.tfa.template(appId, msgId);
  await client.tfa.updateTemplate(appId, msgId, { messageText: 'PIN: {{pin}}' });
  await client.tfa.createEmailTemplate(appId, { emailTemplateId: 1, from: 'a@b.c' });
  await client.tfa.updateEmailTemplate(appId, msgId, { pinLength: 6 });
  const sent = await client.tfa.sendPin({ applicationId: appId, messageId: msgId, to: '41793026727' }, { ncNeeded: false });
  await client.tfa.sendPinVoice({ applicationId: appId, messageId: msgId, to: '41793026727' });
  await client.tfa.sendPinEmail({ applicationId: appId, messageId: msgId, to: 'a@b.c' });
  await client.tfa.resendPin(sent.pinId ?? '');
  await client.tfa.resendPinVoice(sent.pinId ?? '', { placeholders: { a: 'b' } });
  await client.tfa.resendPinEmail(sent.pinId ?? '');
  const verified = await client.tfa.verifyPin(sent.pinId ?? '', { pin: '1234' }, { signal });
  const status = await client.tfa.verifications(appId, { msisdn: '41793026727', verified: true });
  console.log(verified.verified === true, status.verifications.length);
}

export function everyWebhookCall(body: Buffer): void {
  const reports = webhooks.parseDeliveryReports(body);
  const doneAt: Date | undefined = reports[0]?.doneAt;
  const inbound = webhooks.parseInbound('{"results":[]}');
  const click = webhooks.parseClick(new Uint8Array(body));
  webhooks.verifyBasic('Basic abc', { username: 'u', password: 'p' });
  webhooks.verifyHmac(body, 'sha256=abc', { secret: 's', algorithm: 'sha256' });
  console.log(doneAt, inbound.results.length, click.url);
}

/** The generated layer: WhatsApp, Email, Viber, RCS, Voice, Messages API and Number Lookup. */
export async function generatedCalls(client: Infobip): Promise<void> {
  const template = await client.whatsapp.sendWhatsappTemplateMessage({
    messages: [
      {
        from: '441134960000',
        to: '441134960001',
        content: { templateName: 'welcome', templateData: { body: { placeholders: ['Ana'] } }, language: 'en' },
      },
    ],
  });
  const groupName: string | undefined = template.messages?.[0]?.status?.groupName;
  const status: number = template.$response.status;
  const email = await client.email.sendEmailMessagesApi({
    messages: [
      {
        sender: 'jenny.smith@company.com',
        destinations: [{ to: [{ destination: 'john.smith@company.com' }] }],
        content: { subject: 'Test message', text: 'Test body' },
      },
    ],
  });
  const viber = await client.viber.sendViberTextMessage(
    { messages: [{ from: 'Brand', to: '41793026727', content: { text: 'Hi' } }] },
    { timeout: 5000, validate: false },
  );
  const rcs = await client.rcs.sendRcsMessage({ to: '41793026727', content: { type: 'TEXT', text: 'Hi' } });
  const voice = await client.voice.sendSingleVoiceTts({ from: '41793026700', to: '41793026727', text: 'Hello' });
  const messages = await client.messagesApi.sendMessagesApiMessage({
    messages: [
      {
        channel: 'SMS',
        sender: '447491163443',
        destinations: [{ to: '41793026727' }],
        content: { body: { type: 'TEXT', text: 'Hi' } },
      },
    ],
  });
  const lookup = await client.numberLookup.numberContextLookup({ to: ['41793026727'] });
  for await (const log of client.sms.getOutboundSmsMessageLogsV3({ limit: 10 })) {
    const sentAt: Date | undefined = log.sentAt;
    console.log(sentAt);
  }
  console.log(groupName, status, email.toJSON(), viber.bulkId, rcs, voice, messages, lookup);
}
