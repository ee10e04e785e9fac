// The hand-written SMS and 2FA calls (`client.sms().send(…)`, `client.tfa().sendPinSms(…)`, …) over
// the core's own (id assignment, SMS validation, the logs cursor, template checks), beside the
// generated methods of the same namespaces, and the SDK's earlier names of the SMS and 2FA models,
// kept as aliases of the generated ones. Only the filters, which have no model of their own in
// the spec, are declared here.
import Foundation

public typealias SmsRequest = Sms.SmsRequestEnvelope
public typealias SmsMessage = Sms.SmsMessage
public typealias SmsDestination = Sms.Destination
public typealias SmsContent = Sms.SmsMessageContent
public typealias SmsWebhooks = Sms.Webhooks
public typealias SmsDeliveryWebhook = Sms.MessageDeliveryReporting
public typealias SmsMessageOptions = Sms.SmsMessageOptions
public typealias SmsSendOptions = Sms.SmsMessageRequestOptions
public typealias SmsSchedule = Sms.RequestSchedulingSettings
public typealias SmsSendResponse = Sms.SmsResponseEnvelope
public typealias SmsSentMessage = Sms.MessageResponseSmsMessageResponseDetails
public typealias SmsStatus = Sms.MessageStatus
public typealias SmsDeliveryReport = Sms.DeliveryReport
public typealias SmsLog = Sms.SmsLogSmsMessageContent
public typealias SmsInboundMessages = Sms.SmsMoReportResponse
public typealias SmsPreviewRequest = Sms.PreviewRequest
public typealias SmsPreviewResponse = Sms.PreviewResponse
public typealias SmsBulkSchedule = Sms.BulkResponse
public typealias SmsBulkStatus = Sms.BulkStatusResponse
public typealias SmsUrlClick = Sms.UrlTrackingWebhook
public typealias TfaApplicationRequest = Tfa.ApplicationRequest
public typealias TfaApplication = Tfa.ApplicationResponse
public typealias TfaTemplateRequest = Tfa.CreateSmsOrVoiceMessageRequest
public typealias TfaMessageTemplate = Tfa.Message
public typealias TfaSendPinRequest = Tfa.StartAuthenticationRequest
public typealias TfaPinSent = Tfa.StartAuthenticationResponse
public typealias TfaPinVerification = Tfa.VerifyPinResponse

/// Filters of delivery reports; all optional.
public struct SmsReportsFilter: Codable {
    public var bulkId: String?
    public var messageId: String?
    public var limit: UInt32?
    public init(bulkId: String? = nil, messageId: String? = nil, limit: UInt32? = nil) {
        self.bulkId = bulkId
        self.messageId = messageId
        self.limit = limit
    }
}

/// Filters of logs; all optional. Date-times in any Infobip form.
public struct SmsLogsFilter: Codable {
    public var bulkIds: [String] = []
    public var messageIds: [String] = []
    public var generalStatus: String?
    public var sentSince: String?
    public var sentUntil: String?
    public var limit: UInt32?
    public init(bulkIds: [String] = [], messageIds: [String] = [], generalStatus: String? = nil,
                sentSince: String? = nil, sentUntil: String? = nil, limit: UInt32? = nil) {
        self.bulkIds = bulkIds
        self.messageIds = messageIds
        self.generalStatus = generalStatus
        self.sentSince = sentSince
        self.sentUntil = sentUntil
        self.limit = limit
    }
}

/// One page of logs and the cursor of the next (`nil` on the last page).
public struct SmsLogsPage {
    public let results: [SmsLog]
    public let nextCursor: String?
}

private func json<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try Wire.encoder.encode(value), as: UTF8.self)
}

/// The SMS API: `client.sms()`. The hand-written calls go through the core's SMS code (ids
/// assigned, a send in doubt throws `OutcomeUnknown` and is never repeated); every operation of the
/// SMS spec is also here as a generated method.
public final class SmsApi: Sms {
    private lazy var native = NativeSms(client: client)

    /// Sends messages (`POST /sms/3/messages`) after checking them.
    public func send(_ request: SmsRequest, options: RequestOptions? = nil) async throws -> ApiResponse<SmsSendResponse> {
        let response = try await native.send(requestJson: try json(request), options: options)
        return ApiResponse(value: try Wire.read(response, as: SmsSendResponse.self), raw: response)
    }

    /// Sends one text to one destination, from `sender` when given.
    public func sendText(to: String, text: String, sender: String? = nil) async throws -> ApiResponse<SmsSendResponse> {
        let response = try await native.sendText(to: to, text: text, sender: sender)
        return ApiResponse(value: try Wire.read(response, as: SmsSendResponse.self), raw: response)
    }

    /// Previews how a text is split into SMS (`POST /sms/1/preview`).
    public func preview(_ request: SmsPreviewRequest) async throws -> SmsPreviewResponse {
        try Wire.read(try await native.preview(requestJson: try json(request)), as: SmsPreviewResponse.self)
    }

    /// Pulls delivery reports (`GET /sms/3/reports`). Consume-once.
    public func deliveryReports(_ filter: SmsReportsFilter = SmsReportsFilter()) async throws -> [SmsDeliveryReport] {
        let response = try await native.deliveryReports(filterJson: try json(filter))
        return try Wire.read(response, as: Sms.DeliveryReports.self).results ?? []
    }

    /// One page of logs (`GET /sms/3/logs`): the first with `cursor = nil`, then the previous page's `nextCursor`.
    public func logsPage(_ filter: SmsLogsFilter = SmsLogsFilter(), cursor: String? = nil) async throws -> SmsLogsPage {
        let response = try await native.logsPage(filterJson: try json(filter), cursor: cursor)
        let page = try Wire.read(response, as: Sms.LogResponseSmsLogSmsMessageContent.self)
        return SmsLogsPage(results: page.results ?? [], nextCursor: page.cursor?.nextCursor)
    }

    /// Every log matching `filter` (`GET /sms/3/logs`), fetched page by page by cursor as
    /// `next()` is called (or `for try await`). A server that gives a cursor it gave before ends
    /// it with a `Decode` error naming the cursor.
    public func logs(_ filter: SmsLogsFilter = SmsLogsFilter()) throws -> SmsLogs {
        SmsLogs(native: try native.logs(filterJson: try json(filter)))
    }

    /// Pulls inbound messages (`GET /sms/1/inbox/reports`), at most `limit`. Consume-once.
    public func inbound(limit: UInt32? = nil) async throws -> SmsInboundMessages {
        try Wire.read(try await native.inbound(limit: limit), as: SmsInboundMessages.self)
    }

    /// When a scheduled bulk is sent (`GET /sms/1/bulks`).
    public func bulkSchedule(bulkId: String) async throws -> SmsBulkSchedule {
        try Wire.read(try await native.bulkSchedule(bulkId: bulkId), as: SmsBulkSchedule.self)
    }

    /// Sets the state of a scheduled bulk (`PUT /sms/1/bulks/status`): `PAUSED`, `PENDING` or `CANCELED`.
    public func setBulkStatus(bulkId: String, status: String) async throws -> SmsBulkStatus {
        try Wire.read(try await native.setBulkStatus(bulkId: bulkId, status: status), as: SmsBulkStatus.self)
    }
}

/// The logs of `SmsApi.logs(_:)`, one at a time: `next()` until it returns `nil`, or `for try await`.
public final class SmsLogs: AsyncSequence, AsyncIteratorProtocol {
    public typealias Element = SmsLog
    private let native: SmsLogIterator

    init(native: SmsLogIterator) {
        self.native = native
    }

    /// The next log, or `nil` after the last one.
    public func next() async throws -> SmsLog? {
        guard let response = try await native.next() else { return nil }
        return try Wire.read(response, as: SmsLog.self)
    }

    public func makeAsyncIterator() -> SmsLogs { self }
}

/// The 2FA API: `client.tfa()`. The hand-written calls go through the core's 2FA code; every
/// operation of the 2FA spec is also here as a generated method.
public final class TfaApi: Tfa {
    private lazy var native = NativeTfa(client: client)

    /// Creates an application.
    public func createApplication(_ request: TfaApplicationRequest) async throws -> TfaApplication {
        try Wire.read(try await native.createApplication(requestJson: try json(request)), as: TfaApplication.self)
    }

    /// Creates an SMS or voice message template; its text contains `{{pin}}`.
    public func createTemplate(appId: String, _ request: TfaTemplateRequest) async throws -> TfaMessageTemplate {
        try Wire.read(try await native.createTemplate(appId: appId, requestJson: try json(request)), as: TfaMessageTemplate.self)
    }

    /// Sends a PIN by SMS; `ncNeeded` asks for a Number Lookup first.
    public func sendPinSms(_ request: TfaSendPinRequest, ncNeeded: Bool? = nil) async throws -> TfaPinSent {
        try Wire.read(try await native.sendPinSms(requestJson: try json(request), ncNeeded: ncNeeded), as: TfaPinSent.self)
    }

    /// Verifies a PIN.
    public func verifyPin(pinId: String, pin: String) async throws -> TfaPinVerification {
        try Wire.read(try await native.verifyPin(pinId: pinId, pin: pin), as: TfaPinVerification.self)
    }
}

/// Delivery reports from a push body: the v3 shape or the legacy v1 one, JSON or XML.
public func parseDeliveryReports(body: Data) throws -> [SmsDeliveryReport] {
    try Wire.decoder.decode(Sms.DeliveryReports.self, from: try parseDeliveryReportsJson(body: body)).results ?? []
}

/// Inbound messages from a push body (`MO_JSON_2`).
public func parseInbound(body: Data) throws -> SmsInboundMessages {
    try Wire.decoder.decode(SmsInboundMessages.self, from: try parseInboundJson(body: body))
}

/// A URL click from a push body.
public func parseClick(body: Data) throws -> SmsUrlClick {
    try Wire.decoder.decode(SmsUrlClick.self, from: try parseClickJson(body: body))
}
