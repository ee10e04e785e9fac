// The hand-written SMS and 2FA calls (`client.sms().send(…)`, `client.tfa().sendPinSms(…)`, …) over
// the core's own (id assignment, SMS validation, the logs cursor, template checks), beside the
// generated methods of the same namespaces, and the SDK's earlier names of the SMS and 2FA
// models, kept as aliases of the generated ones. Only the filters and the v2 send, which have no
// model of their own in the spec, are declared here.
@file:Suppress("unused")

package com.infobip.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.Serializable
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.builtins.serializer
import java.time.Instant
import java.time.OffsetDateTime
import java.time.ZoneOffset
import com.infobip.sdk.sms.SmsMessageContent
import com.infobip.sdk.sms.Sms as GeneratedSms
import com.infobip.sdk.tfa.Tfa as GeneratedTfa

typealias SmsRequest = com.infobip.sdk.sms.SmsRequestEnvelope
typealias SmsMessage = com.infobip.sdk.sms.SmsMessage
typealias SmsDestination = com.infobip.sdk.sms.Destination
typealias SmsLanguage = com.infobip.sdk.sms.SmsLanguage
typealias SmsWebhooks = com.infobip.sdk.sms.Webhooks
typealias SmsDeliveryWebhook = com.infobip.sdk.sms.MessageDeliveryReporting
typealias SmsMessageOptions = com.infobip.sdk.sms.SmsMessageOptions
typealias SmsPlatform = com.infobip.sdk.sms.Platform
typealias SmsValidityPeriod = com.infobip.sdk.sms.ValidityPeriod
typealias SmsDeliveryTimeWindow = com.infobip.sdk.sms.DeliveryTimeWindow
typealias SmsDeliveryTime = com.infobip.sdk.sms.DeliveryTime
typealias SmsRegional = com.infobip.sdk.sms.RegionalOptions
typealias SmsIndiaDlt = com.infobip.sdk.sms.IndiaDltOptions
typealias SmsTurkeyIys = com.infobip.sdk.sms.TurkeyIysOptions
typealias SmsSouthKorea = com.infobip.sdk.sms.SouthKoreaOptions
typealias SmsSendOptions = com.infobip.sdk.sms.SmsMessageRequestOptions
typealias SmsSchedule = com.infobip.sdk.sms.RequestSchedulingSettings
typealias SmsSpeedLimit = com.infobip.sdk.sms.SendingSpeedLimit
typealias SmsUrlTracking = com.infobip.sdk.sms.UrlOptions
typealias SmsConversionTracking = com.infobip.sdk.sms.Tracking
typealias SmsSendResponse = com.infobip.sdk.sms.SmsResponseEnvelope
typealias SmsSentMessage = com.infobip.sdk.sms.MessageResponseSmsMessageResponseDetails
typealias SmsMessageDetails = com.infobip.sdk.sms.SmsMessageResponseDetails
typealias SmsStatus = com.infobip.sdk.sms.MessageStatus
typealias SmsMessageError = com.infobip.sdk.sms.MessageError
typealias SmsPrice = com.infobip.sdk.sms.MessagePrice
typealias SmsDeliveryReport = com.infobip.sdk.sms.DeliveryReport
typealias SmsLog = com.infobip.sdk.sms.SmsLogSmsMessageContent
typealias SmsInboundMessage = com.infobip.sdk.sms.SmsMoReport
typealias SmsInboundMessages = com.infobip.sdk.sms.SmsMoReportResponse
typealias SmsPreviewRequest = com.infobip.sdk.sms.PreviewRequest
typealias SmsPreviewResponse = com.infobip.sdk.sms.PreviewResponse
typealias SmsPreview = com.infobip.sdk.sms.Preview
typealias SmsBulkSchedule = com.infobip.sdk.sms.BulkResponse
typealias SmsBulkStatus = com.infobip.sdk.sms.BulkStatusResponse
typealias SmsBinaryContent = com.infobip.sdk.sms.BinaryContent
typealias SmsLegacySentMessage = com.infobip.sdk.sms.SMSResponseDetails
typealias SmsLegacySendResponse = com.infobip.sdk.sms.SMSResponse
typealias SmsLegacyReport = com.infobip.sdk.sms.SmsReport
typealias SmsRecipientInfo = com.infobip.sdk.sms.RecipientInfo
typealias SmsGeoLocation = com.infobip.sdk.sms.GeoLocationInfoWrapper
typealias SmsUrlClick = com.infobip.sdk.sms.UrlTrackingWebhook

typealias TfaApplicationConfiguration = com.infobip.sdk.tfa.ApplicationConfiguration
typealias TfaApplicationRequest = com.infobip.sdk.tfa.ApplicationRequest
typealias TfaApplication = com.infobip.sdk.tfa.ApplicationResponse
typealias TfaTemplateIndiaDlt = com.infobip.sdk.tfa.IndiaDltOptions
typealias TfaTemplateRegional = com.infobip.sdk.tfa.RegionalOptions
typealias TfaTemplateRequest = com.infobip.sdk.tfa.CreateSmsOrVoiceMessageRequest
typealias TfaMessageTemplate = com.infobip.sdk.tfa.Message
typealias TfaSendPinRequest = com.infobip.sdk.tfa.StartAuthenticationRequest
typealias TfaResendPinRequest = com.infobip.sdk.tfa.ResendPinRequest
typealias TfaPinSent = com.infobip.sdk.tfa.StartAuthenticationResponse
typealias TfaEmailPinSent = com.infobip.sdk.tfa.StartEmailAuthenticationResponse
typealias TfaPinVerification = com.infobip.sdk.tfa.VerifyPinResponse
typealias TfaVerification = com.infobip.sdk.tfa.Verification
typealias TfaEmailTemplateRequest = com.infobip.sdk.tfa.CreateEmailMessageRequest
typealias TfaSendEmailPinRequest = com.infobip.sdk.tfa.StartEmailAuthenticationRequest
typealias TfaResendEmailPinRequest = com.infobip.sdk.tfa.ResendPinRequestViaEmail
typealias TfaEmailStatus = com.infobip.sdk.tfa.EmailStatus

/** The content shapes of an SMS: `SmsContent.Text(text = "Hi")`, `SmsContent.Binary(hex = "48 69")`. */
object SmsContent {
    /** Text content. */
    typealias Text = com.infobip.sdk.sms.SmsTextMessageContent

    /** Binary content. */
    typealias Binary = com.infobip.sdk.sms.SmsBinaryMessageContent

    /** Content of a shape this version does not know (only read, in logs). */
    typealias Other = SmsMessageContent.Other
}

/** The request id the API gave this send (`X-Request-Id`). */
val SmsSendResponse.requestId: String? get() = httpResponse?.requestId

/** The request id the API gave this v2 send (`X-Request-Id`). */
val SmsLegacySendResponse.requestId: String? get() = httpResponse?.requestId

/** When the clicked message was sent (`sendDateTime`, epoch milliseconds, as a date-time). */
val SmsUrlClick.sentAt: OffsetDateTime? get() = sendDateTime?.let { Instant.ofEpochMilli(it).atOffset(ZoneOffset.UTC) }

/** Filters of delivery reports; all optional. */
@Serializable
data class SmsReportsFilter(
    val bulkId: String? = null,
    val messageId: String? = null,
    /** At most this many reports (1-1000; the API's default is 50). */
    val limit: UInt? = null,
    val entityId: String? = null,
    val applicationId: String? = null,
    val campaignReferenceId: String? = null,
)

/** Filters of logs; all optional. Logs cover the last 48 hours. Date-times in any Infobip form. */
@Serializable
data class SmsLogsFilter(
    val mcc: String? = null,
    val mnc: String? = null,
    val sender: String? = null,
    val destination: String? = null,
    val bulkIds: List<String> = emptyList(),
    val messageIds: List<String> = emptyList(),
    val generalStatus: String? = null,
    val sentSince: String? = null,
    val sentUntil: String? = null,
    /** Logs per page (1-1000; the API's default is 50). */
    val limit: UInt? = null,
    val entityId: String? = null,
    val applicationId: String? = null,
    val campaignReferenceIds: List<String> = emptyList(),
)

/** One page of logs and the cursor of the next (`null` on the last page). */
data class SmsLogsPage(val results: List<SmsLog>, val nextCursor: String?, val httpResponse: RawResponse)

/** A text sent with query parameters (`GET /sms/3/text/query`); a bulk id is assigned when not given. */
@Serializable
data class SmsSendQuery(
    val to: List<String>,
    val text: String,
    val bulkId: String? = null,
    val from: String? = null,
    val flash: Boolean? = null,
    val transliteration: String? = null,
    val languageCode: String? = null,
    val intermediateReport: Boolean? = null,
    val notifyUrl: String? = null,
    val notifyContentType: String? = null,
    val callbackData: String? = null,
    val validityPeriod: Long? = null,
    /** When to send, in any Infobip date-time form. */
    val sendAt: String? = null,
    val includeSmsCountInResponse: Boolean? = null,
)

/** One message of a v2 send: `text` for `sendV2Text`, `binary` for `sendV2Binary`. */
@Serializable
data class SmsLegacyMessage(
    val destinations: List<SmsDestination> = emptyList(),
    val from: String? = null,
    val text: String? = null,
    val binary: SmsBinaryContent? = null,
    val flash: Boolean? = null,
    val transliteration: String? = null,
    val language: com.infobip.sdk.sms.Language? = null,
    val validityPeriod: Long? = null,
    @Serializable(with = InfobipDateTime::class) val sendAt: OffsetDateTime? = null,
    val deliveryTimeWindow: SmsDeliveryTimeWindow? = null,
    val intermediateReport: Boolean? = null,
    val notifyUrl: String? = null,
    val notifyContentType: String? = null,
    val callbackData: String? = null,
    val regional: SmsRegional? = null,
    val entityId: String? = null,
    val applicationId: String? = null,
    val campaignReferenceId: String? = null,
)

/** A v2 send (`POST /sms/2/text/advanced` or `/sms/2/binary/advanced`), for accounts that still use it. */
@Serializable
data class SmsLegacySendRequest(
    val messages: List<SmsLegacyMessage> = emptyList(),
    val bulkId: String? = null,
    val sendingSpeedLimit: SmsSpeedLimit? = null,
    val urlOptions: SmsUrlTracking? = null,
    val includeSmsCountInResponse: Boolean? = null,
)

/** Reads a core answer's JSON as a generated model, keeping the response. */
private fun <T : InfobipModel> RawResponse.read(serializer: kotlinx.serialization.KSerializer<T>): T =
    Wire.decode(this, serializer).also { it.httpResponse = this }

private fun <T> RawResponse.readList(serializer: kotlinx.serialization.KSerializer<T>): ApiList<T> =
    ApiList(Wire.decode(this, ListSerializer(serializer), "[]"), this)

/**
 * The SMS API: `client.sms()`. The hand-written calls below go through the core's SMS code (a
 * bulk id and message ids assigned when not given, a send in doubt throws `OutcomeUnknown` with
 * them and is never repeated); every operation of the SMS spec is also here as a generated method
 * (`sendSmsMessages`, `getOutboundSmsMessageLogsV3`, …).
 */
class SmsApi(client: InfobipNativeClient) : GeneratedSms(client) {
    private val native = NativeSms(client)

    /** Sends messages (`POST /sms/3/messages`) after checking them. */
    suspend fun send(request: SmsRequest, options: RequestOptions? = null): SmsSendResponse =
        native.send(request.toJson(), options).read(SmsSendResponse.serializer())

    /** Sends one text to one destination, from `sender` when given. */
    suspend fun sendText(to: String, text: String, sender: String? = null): SmsSendResponse =
        native.sendText(to, text, sender).read(SmsSendResponse.serializer())

    /** Sends a text over query parameters (`GET /sms/3/text/query`); never retried. */
    suspend fun sendQuery(query: SmsSendQuery): SmsSendResponse =
        native.sendQuery(Wire.json.encodeToString(SmsSendQuery.serializer(), query)).read(SmsSendResponse.serializer())

    /** Sends text messages with the v2 API (`POST /sms/2/text/advanced`), ids assigned like `send`. */
    suspend fun sendV2Text(request: SmsLegacySendRequest): SmsLegacySendResponse =
        native.sendV2Text(Wire.json.encodeToString(SmsLegacySendRequest.serializer(), request)).read(SmsLegacySendResponse.serializer())

    /** Sends binary messages with the v2 API (`POST /sms/2/binary/advanced`), like `sendV2Text`. */
    suspend fun sendV2Binary(request: SmsLegacySendRequest): SmsLegacySendResponse =
        native.sendV2Binary(Wire.json.encodeToString(SmsLegacySendRequest.serializer(), request)).read(SmsLegacySendResponse.serializer())

    /** Pulls the v1 delivery reports of v2 sends (`GET /sms/1/reports`). Consume-once. */
    suspend fun deliveryReportsV1(filter: SmsReportsFilter? = null): List<SmsLegacyReport> =
        native.deliveryReportsV1(filterJson(filter)).read(com.infobip.sdk.sms.SMSReportResponse.serializer()).results

    /** Previews how a text is split into SMS (`POST /sms/1/preview`). */
    suspend fun preview(request: SmsPreviewRequest): SmsPreviewResponse =
        native.preview(request.toJson()).read(SmsPreviewResponse.serializer())

    /** Pulls delivery reports (`GET /sms/3/reports`). Consume-once; use `logs` to look messages up repeatedly. */
    suspend fun deliveryReports(filter: SmsReportsFilter? = null): List<SmsDeliveryReport> =
        native.deliveryReports(filterJson(filter)).read(com.infobip.sdk.sms.DeliveryReports.serializer()).results

    /** One page of logs (`GET /sms/3/logs`): the first with `cursor = null`, then the previous page's `nextCursor`. */
    suspend fun logsPage(filter: SmsLogsFilter? = null, cursor: String? = null): SmsLogsPage {
        val json = Wire.json.encodeToString(SmsLogsFilter.serializer(), filter ?: SmsLogsFilter())
        val page = native.logsPage(json, cursor).read(com.infobip.sdk.sms.LogResponseSmsLogSmsMessageContent.serializer())
        return SmsLogsPage(page.results, page.cursor?.nextCursor, page.httpResponse!!)
    }

    /**
     * Every log matching `filter` (`GET /sms/3/logs`), fetched page by page by cursor as
     * [SmsLogs.next] is called. A server that gives a cursor it gave before ends it with a
     * `Decode` error naming the cursor.
     */
    fun logs(filter: SmsLogsFilter? = null): SmsLogs =
        SmsLogs(native.logs(Wire.json.encodeToString(SmsLogsFilter.serializer(), filter ?: SmsLogsFilter())))

    /** Pulls inbound messages (`GET /sms/1/inbox/reports`), at most `limit`. Consume-once. */
    suspend fun inbound(limit: UInt? = null): SmsInboundMessages = native.inbound(limit).read(SmsInboundMessages.serializer())

    /** When a scheduled bulk is sent (`GET /sms/1/bulks`). */
    suspend fun bulkSchedule(bulkId: String): SmsBulkSchedule = native.bulkSchedule(bulkId).read(SmsBulkSchedule.serializer())

    /** Moves a scheduled bulk to `sendAt`, in any Infobip date-time form (`PUT /sms/1/bulks`). */
    suspend fun rescheduleBulk(bulkId: String, sendAt: String): SmsBulkSchedule =
        native.rescheduleBulk(bulkId, sendAt).read(SmsBulkSchedule.serializer())

    /** Moves a scheduled bulk to `sendAt` (`PUT /sms/1/bulks`). */
    suspend fun rescheduleBulk(bulkId: String, sendAt: OffsetDateTime): SmsBulkSchedule =
        rescheduleBulk(bulkId, InfobipDateTime.format(sendAt))

    /** The state of a scheduled bulk (`GET /sms/1/bulks/status`). */
    suspend fun bulkStatus(bulkId: String): SmsBulkStatus = native.bulkStatus(bulkId).read(SmsBulkStatus.serializer())

    /** Sets the state of a scheduled bulk (`PUT /sms/1/bulks/status`): `PAUSED`, `PENDING` or `CANCELED`. */
    suspend fun setBulkStatus(bulkId: String, status: String): SmsBulkStatus =
        native.setBulkStatus(bulkId, status).read(SmsBulkStatus.serializer())

    private fun filterJson(filter: SmsReportsFilter?): String =
        Wire.json.encodeToString(SmsReportsFilter.serializer(), filter ?: SmsReportsFilter())
}

/** The logs of [SmsApi.logs], one at a time: [next] until it returns `null`, or [asFlow]. */
class SmsLogs internal constructor(private val native: SmsLogIterator) {
    /** The next log, or `null` after the last one. */
    suspend fun next(): SmsLog? = native.next()?.let { Wire.decode(it, SmsLog.serializer()) }

    /** Every remaining log, as a cold [Flow] (collect it once). */
    fun asFlow(): Flow<SmsLog> = flow {
        while (true) emit(next() ?: break)
    }
}

/**
 * The 2FA API: `client.tfa()`. The hand-written calls below go through the core's 2FA code
 * (a template's text must hold `{{pin}}`, …); every operation of the 2FA spec is also here as a
 * generated method (`send2faPinCodeOverSms`, …).
 */
class TfaApi(client: InfobipNativeClient) : GeneratedTfa(client) {
    private val native = NativeTfa(client)

    /** Every 2FA application. */
    suspend fun applications(): List<TfaApplication> = native.applications().readList(TfaApplication.serializer())

    /** One application. */
    suspend fun application(appId: String): TfaApplication = native.application(appId).read(TfaApplication.serializer())

    /** Creates an application. */
    suspend fun createApplication(request: TfaApplicationRequest): TfaApplication =
        native.createApplication(request.toJson()).read(TfaApplication.serializer())

    /** Updates an application. */
    suspend fun updateApplication(appId: String, request: TfaApplicationRequest): TfaApplication =
        native.updateApplication(appId, request.toJson()).read(TfaApplication.serializer())

    /** The message templates of an application. */
    suspend fun templates(appId: String): List<TfaMessageTemplate> = native.templates(appId).readList(TfaMessageTemplate.serializer())

    /** One message template. */
    suspend fun template(appId: String, msgId: String): TfaMessageTemplate =
        native.template(appId, msgId).read(TfaMessageTemplate.serializer())

    /** Creates an SMS or voice message template; its text contains `{{pin}}`. */
    suspend fun createTemplate(appId: String, request: TfaTemplateRequest): TfaMessageTemplate =
        native.createTemplate(appId, request.toJson()).read(TfaMessageTemplate.serializer())

    /** Updates a message template. */
    suspend fun updateTemplate(appId: String, msgId: String, request: TfaTemplateRequest): TfaMessageTemplate =
        native.updateTemplate(appId, msgId, request.toJson()).read(TfaMessageTemplate.serializer())

    /** Creates an email message template (`emailTemplateId` is required). */
    suspend fun createEmailTemplate(appId: String, request: TfaEmailTemplateRequest): TfaMessageTemplate =
        native.createEmailTemplate(appId, request.toJson()).read(TfaMessageTemplate.serializer())

    /** Updates an email message template. */
    suspend fun updateEmailTemplate(appId: String, msgId: String, request: TfaEmailTemplateRequest): TfaMessageTemplate =
        native.updateEmailTemplate(appId, msgId, request.toJson()).read(TfaMessageTemplate.serializer())

    /** Sends a PIN by email, with an email template of the application. */
    suspend fun sendPinEmail(request: TfaSendEmailPinRequest): TfaEmailPinSent =
        native.sendPinEmail(request.toJson()).read(TfaEmailPinSent.serializer())

    /** Sends the PIN of `pinId` again by email. */
    suspend fun resendPinEmail(pinId: String, request: TfaResendEmailPinRequest): TfaEmailPinSent =
        native.resendPinEmail(pinId, request.toJson()).read(TfaEmailPinSent.serializer())

    /** Sends a PIN by SMS; `ncNeeded` asks for a Number Lookup first. */
    suspend fun sendPinSms(request: TfaSendPinRequest, ncNeeded: Boolean? = null): TfaPinSent =
        native.sendPinSms(request.toJson(), ncNeeded).read(TfaPinSent.serializer())

    /** Sends a PIN by voice call. */
    suspend fun sendPinVoice(request: TfaSendPinRequest): TfaPinSent = native.sendPinVoice(request.toJson()).read(TfaPinSent.serializer())

    /** Sends the PIN of `pinId` again by SMS. */
    suspend fun resendPinSms(pinId: String, request: TfaResendPinRequest): TfaPinSent =
        native.resendPinSms(pinId, request.toJson()).read(TfaPinSent.serializer())

    /** Sends the PIN of `pinId` again by voice call. */
    suspend fun resendPinVoice(pinId: String, request: TfaResendPinRequest): TfaPinSent =
        native.resendPinVoice(pinId, request.toJson()).read(TfaPinSent.serializer())

    /** Verifies a PIN. */
    suspend fun verifyPin(pinId: String, pin: String): TfaPinVerification =
        native.verifyPin(pinId, pin).read(TfaPinVerification.serializer())

    /** The verification status of a phone number in an application. */
    suspend fun verifications(appId: String, msisdn: String, verified: Boolean? = null, sent: Boolean? = null): List<TfaVerification> =
        native.verifications(appId, msisdn, verified, sent).read(com.infobip.sdk.tfa.VerificationResponse.serializer()).verifications
}

/** Delivery reports from a push body: the v3 shape or the legacy v1 one, JSON or XML. Malformed input throws `Decode`. */
fun parseDeliveryReports(body: ByteArray): List<SmsDeliveryReport> =
    Wire.json.decodeFromString(com.infobip.sdk.sms.DeliveryReports.serializer(), parseDeliveryReportsJson(body).decodeToString()).results

/** Inbound messages from a push body (`MO_JSON_2`). */
fun parseInbound(body: ByteArray): SmsInboundMessages =
    Wire.json.decodeFromString(SmsInboundMessages.serializer(), parseInboundJson(body).decodeToString())

/** A URL click from a push body. */
fun parseClick(body: ByteArray): SmsUrlClick = Wire.json.decodeFromString(SmsUrlClick.serializer(), parseClickJson(body).decodeToString())
