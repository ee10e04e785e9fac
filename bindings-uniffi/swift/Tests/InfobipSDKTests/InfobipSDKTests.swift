// The Swift mirror of the Kotlin suite (bindings-uniffi/kotlin/src/test), for a Mac CI:
//   bindings-uniffi/swift/build-xcframework.sh
//   cargo build -p infobip-emulator
//   cd bindings-uniffi/swift && INFOBIP_EMULATOR=<repo>/target/debug/infobip-emulator \
//     INFOBIP_VECTORS=<repo>/tests/vectors swift test
// It has not been compiled or run here (no Swift toolchain on Linux); test.sh checks its syntax.

import CommonCrypto
import Foundation
import XCTest
@testable import InfobipSDK

/// The `infobip-emulator` binary on a free loopback port, started once for the whole run.
final class Emulator {
    static let shared = Emulator()

    let baseUrl: String
    let apiKey: String
    static let limitedApiKey = "emulator-limited-key"
    static let username = "emulator"
    static let password = "emulator-password"
    private let process = Process()

    private init() {
        guard let binary = ProcessInfo.processInfo.environment["INFOBIP_EMULATOR"] else {
            fatalError("set INFOBIP_EMULATOR to the infobip-emulator binary")
        }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port", "0", "--delivery-delay-ms", "0"]
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            fatalError("cannot start the emulator: \(error)")
        }
        // `Infobip emulator listening on http://127.0.0.1:PORT (API key: KEY)`
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        let prefix = "Infobip emulator listening on "
        guard text.hasPrefix(prefix), let keyRange = text.range(of: " (API key: ") else {
            fatalError("unexpected emulator line: \(text)")
        }
        baseUrl = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<keyRange.lowerBound])
        apiKey = String(text[keyRange.upperBound...].dropLast())
        // Keep draining stdout so the emulator never blocks on a full pipe.
        output.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
        atexit { Emulator.shared.process.terminate() }
    }

    func client(maxRetries: UInt32 = 0, timeoutMs: UInt64? = nil, auth: Auth? = nil) throws -> InfobipClient {
        try InfobipClient(config: ClientConfig(
            baseUrl: baseUrl,
            auth: auth ?? .apiKey(key: Secret(value: apiKey)),
            timeoutMs: timeoutMs,
            maxRetries: maxRetries
        ))
    }

    @discardableResult
    func admin(_ method: String, _ path: String, _ body: String? = nil) throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "\(baseUrl)/_emulator\(path)")!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        var result: Data?
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data
            done.signal()
        }.resume()
        done.wait()
        let object = try JSONSerialization.jsonObject(with: result ?? Data("{}".utf8))
        return object as? [String: Any] ?? [:]
    }

    func reset() throws { try admin("POST", "/reset", "{}") }
    func fault(_ json: String) throws { try admin("POST", "/faults", json) }
    func flushReports() throws { try admin("POST", "/reports/flush", "{}") }
    func pin(_ pinId: String) throws -> String { try admin("GET", "/2fa/pins/\(pinId)")["pin"] as? String ?? "" }

    /// The recorded API requests whose path starts with `prefix`, as `METHOD /path` lines.
    func requests(_ prefix: String) throws -> [String] {
        let query = prefix.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? prefix
        let list = try admin("GET", "/requests?path=\(query)")["requests"] as? [[String: Any]] ?? []
        return list.map { "\($0["method"] as? String ?? "") \($0["path"] as? String ?? "")" }
    }
}

/// Runs `body` and returns the `InfobipError` it throws.
func infobipError(_ body: () async throws -> Void) async -> InfobipError? {
    do {
        try await body()
    } catch let error as InfobipError {
        return error
    } catch {
        XCTFail("unexpected error \(error)")
    }
    return nil
}

final class ClientTests: XCTestCase {
    let emulator = Emulator.shared

    func testGenericGet() async throws {
        let response = try await emulator.client().request(request: HttpRequest(method: "GET", path: "/account/1/balance"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.attempts, 1)
    }

    func testFourAuthSchemes() async throws {
        let schemes: [Auth] = [
            .apiKey(key: Secret(value: emulator.apiKey)),
            .basic(username: Emulator.username, password: Secret(value: Emulator.password)),
            .ibsso(username: Emulator.username, password: Secret(value: Emulator.password)),
            .oauth2(clientId: Emulator.username, clientSecret: Secret(value: Emulator.password)),
        ]
        for auth in schemes {
            let client = try emulator.client(auth: auth)
            let response = try await client.request(request: HttpRequest(method: "GET", path: "/account/1/balance"))
            XCTAssertEqual(response.status, 200)
            try await client.endSession()
        }
    }

    func testEndSessionAndClose() async throws {
        try emulator.reset()
        let client = try emulator.client(auth: .ibsso(username: Emulator.username, password: Secret(value: Emulator.password)))
        _ = try await client.request(request: HttpRequest(method: "GET", path: "/account/1/balance"))
        try await client.endSession()
        XCTAssertEqual(try emulator.requests("/auth/1/session"), ["POST /auth/1/session", "DELETE /auth/1/session"])
        _ = try await client.request(request: HttpRequest(method: "GET", path: "/account/1/balance"))
        try await client.close()
        XCTAssertEqual(try emulator.requests("/auth/1/session").count, 4)
    }

    func testSecretsAreNeverShown() async throws {
        let secret = "s3cr3t-value-never-shown"
        let config = ClientConfig(baseUrl: emulator.baseUrl, auth: .basic(username: "user", password: Secret(value: secret)))
        XCTAssertFalse(String(describing: config).contains(secret))
        XCTAssertFalse(String(reflecting: config).contains(secret))
        XCTAssertEqual(String(describing: Secret(value: secret)), "***")
        let error = await infobipError {
            _ = try await InfobipClient(config: config).request(request: HttpRequest(method: "GET", path: "/account/1/balance"))
        }
        XCTAssertNotNil(error)
        XCTAssertFalse(String(describing: error!).contains(secret))
        XCTAssertFalse(error!.localizedDescription.contains(secret))
    }
}

final class ErrorTests: XCTestCase {
    let emulator = Emulator.shared
    let balance = HttpRequest(method: "GET", path: "/account/1/balance")

    override func setUp() async throws {
        try emulator.reset()
    }

    func testConfig() {
        XCTAssertThrowsError(try InfobipClient(config: ClientConfig(baseUrl: "ftp://example.com", auth: .apiKey(key: Secret(value: "k"))))) { error in
            XCTAssertEqual((error as? InfobipError)?.details().code, "config")
        }
    }

    func testStatusErrors() async throws {
        let client = try emulator.client()
        let cases: [(Int, String)] = [(400, "bad_request"), (401, "unauthorized"), (403, "forbidden"), (404, "not_found"),
                                      (409, "conflict"), (429, "rate_limited"), (500, "server_error"), (418, "api_error")]
        for (status, code) in cases {
            try emulator.fault("{\"path\":\"/account/1/balance\",\"status\":\(status),\"headers\":{\"Retry-After\":\"3\"}}")
            let error = await infobipError { _ = try await client.request(request: self.balance) }
            XCTAssertEqual(error?.details().code, code)
            XCTAssertEqual(error?.details().status, UInt16(status))
        }
    }

    func testRateLimitedCarriesRetryAfter() async throws {
        try emulator.fault("{\"path\":\"/account/1/balance\",\"status\":429,\"headers\":{\"Retry-After\":\"3\",\"X-Request-Id\":\"r-429\"}}")
        let error = await infobipError { _ = try await self.emulator.client().request(request: self.balance) }
        guard case .RateLimited(let details)? = error else {
            return XCTFail("expected RateLimited, got \(String(describing: error))")
        }
        XCTAssertEqual(details.retryAfterMs, 3000)
        XCTAssertEqual(details.requestId, "r-429")
    }

    func testConnectionTimeoutAndOutcomeUnknown() async throws {
        let client = try emulator.client()
        try emulator.fault("{\"path\":\"/account/1/balance\",\"kind\":\"reset_before_response\"}")
        var error = await infobipError { _ = try await client.request(request: self.balance) }
        XCTAssertEqual(error?.details().code, "connection")

        try emulator.fault("{\"path\":\"/account/1/balance\",\"kind\":\"delay\",\"delayMs\":2000}")
        error = await infobipError {
            _ = try await client.request(request: HttpRequest(method: "GET", path: "/account/1/balance", options: RequestOptions(timeoutMs: 200)))
        }
        XCTAssertEqual(error?.details().code, "timeout")

        try emulator.fault("{\"path\":\"/sms/3/messages\",\"kind\":\"delay\",\"delayMs\":2000}")
        let request = SmsRequest(messages: [SmsMessage(destinations: [SmsDestination(to: "41793026727")], content: .text(text: "hi"))])
        error = await infobipError { _ = try await client.sms().send(request: request, options: RequestOptions(timeoutMs: 200)) }
        guard case .OutcomeUnknown(let details)? = error else {
            return XCTFail("expected OutcomeUnknown, got \(String(describing: error))")
        }
        XCTAssertNotNil(details.bulkId)
        XCTAssertEqual(details.messageIds.count, 1)
    }

    func testErrorVectors() async throws {
        guard let dir = ProcessInfo.processInfo.environment["INFOBIP_VECTORS"] else {
            throw XCTSkip("set INFOBIP_VECTORS to <repo>/tests/vectors")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("errors.json"))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = root?["cases"] as? [[String: Any]] ?? []
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        let client = try emulator.client()
        for vector in cases {
            try emulator.reset()
            // A case "at" the OAuth2 token endpoint: the client uses OAuth2, the call is not sent.
            let atToken = (vector["at"] as? String) == "oauth2_token"
            let path = atToken ? "/auth/1/oauth2/token" : "/account/1/balance"
            let fault: [String: Any] = ["path": path, "status": vector["status"] ?? 500,
                                        "headers": vector["headers"] ?? [:], "body": vector["body"] ?? ""]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: fault), as: UTF8.self)
            try emulator.fault(json)
            let caller = atToken
                ? try InfobipClient(config: ClientConfig(baseUrl: emulator.baseUrl, auth: .oauth2(clientId: "emulator", clientSecret: Secret(value: "emulator-password")), maxRetries: 0))
                : client
            let error = await infobipError { _ = try await caller.request(request: self.balance) }
            let expected = vector["expected"] as? [String: Any] ?? [:]
            let details = error?.details()
            if let cause = expected["cause"] as? String {
                XCTAssertEqual(details?.cause, cause)
            }
            XCTAssertEqual(details?.code, expected["code"] as? String, "\(vector["name"] ?? "")")
            if let errorCode = expected["error_code"] as? String {
                XCTAssertEqual(details?.errorCode, errorCode)
            }
            if let text = expected["text"] as? String {
                XCTAssertEqual(details?.text, text)
            }
            if let requestId = expected["request_id"] as? String {
                XCTAssertEqual(details?.requestId, requestId)
            }
            if let retryAfter = expected["retry_after_ms"] as? NSNumber {
                XCTAssertEqual(details?.retryAfterMs, retryAfter.uint64Value)
            }
        }
    }
}

final class SmsTests: XCTestCase {
    let emulator = Emulator.shared

    override func setUp() async throws {
        try emulator.reset()
    }

    func testSendAndReadBackTheDeliveryReport() async throws {
        let sms = try emulator.client().sms()
        let message = SmsMessage(destinations: [SmsDestination(to: "41793026727")], content: .text(text: "Hello from Swift"), sender: "InfoSMS")
        let sent = try await sms.send(request: SmsRequest(messages: [message]))
        let bulkId = try XCTUnwrap(sent.bulkId)
        let messageId = try XCTUnwrap(sent.messages.first?.messageId)
        try emulator.flushReports()
        let reports = try await sms.deliveryReports(filter: SmsReportsFilter(bulkId: bulkId))
        XCTAssertTrue(reports.contains { $0.messageId == messageId })
    }

    func testLogsPaging() async throws {
        let sms = try emulator.client().sms()
        let destinations = (1...5).map { SmsDestination(to: "4179302670\($0)") }
        let sent = try await sms.send(request: SmsRequest(messages: [SmsMessage(destinations: destinations, content: .text(text: "paged"))]))
        var seen = Set<String>()
        var cursor: String? = nil
        var pages = 0
        repeat {
            let page = try await sms.logsPage(filter: SmsLogsFilter(bulkIds: [sent.bulkId ?? ""], limit: 2), cursor: cursor)
            page.results.forEach { seen.insert($0.messageId ?? "") }
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < 10
        XCTAssertEqual(seen.count, 5)
    }

    func testLogsIteratorAndTheLogHandler() async throws {
        let events = LockedEvents()
        InfobipLogging.install(level: .debug) { level, _, message in events.add("\(level) \(message)") }
        defer { InfobipLogging.uninstall() }
        let sms = try emulator.client().sms()
        let destinations = (1...3).map { SmsDestination(to: "4179302671\($0)") }
        let sent = try await sms.send(request: SmsRequest(messages: [SmsMessage(destinations: destinations, content: .text(text: "iterated"))]))
        let logs = try sms.logs(SmsLogsFilter(bulkIds: [sent.bulkId ?? ""], limit: 2))
        var count = 0
        while try await logs.next() != nil, count < 100 {
            count += 1
        }
        XCTAssertEqual(count, 3)
        XCTAssertTrue(events.all().contains { $0.contains("path=/sms/3/logs status=200") })
        XCTAssertFalse(events.all().contains { $0.contains(emulator.apiKey) })
    }

    func testV2SendsAndV1Reports() async throws {
        let sms = try emulator.client().sms()
        let text = try await sms.sendV2Text(request: SmsLegacySendRequest(messages: [
            SmsLegacyMessage(destinations: [SmsDestination(to: "41793026727")], from: "InfoSMS", text: "Legacy"),
        ]))
        let bulkId = try XCTUnwrap(text.bulkId)
        XCTAssertNotNil(text.messages.first?.messageId)
        XCTAssertNotNil(text.requestId)
        let binary = try await sms.sendV2Binary(request: SmsLegacySendRequest(messages: [
            SmsLegacyMessage(destinations: [SmsDestination(to: "41793026727")], binary: SmsBinaryContent(hex: "48 69", dataCoding: 0)),
        ], bulkId: "swift-v2-binary"))
        XCTAssertEqual(binary.bulkId, "swift-v2-binary")
        try emulator.flushReports()
        let reports = try await sms.deliveryReportsV1(filter: SmsReportsFilter(bulkId: bulkId))
        XCTAssertTrue(reports.allSatisfy { $0.bulkId == bulkId })
        let error = await infobipError { _ = try await sms.sendV2Text(request: SmsLegacySendRequest(messages: [])) }
        XCTAssertEqual(error?.details().violations.first?.property, "messages")
    }

    func testOneHundredConcurrentSends() async throws {
        let sms = try emulator.client().sms()
        let ids = try await withThrowingTaskGroup(of: String.self) { group -> Set<String> in
            for i in 1...100 {
                group.addTask { try await sms.sendText(to: "4179302\(1000 + i)", text: "Concurrent \(i)", sender: nil).messages.first?.messageId ?? "" }
            }
            var ids = Set<String>()
            for try await id in group { ids.insert(id) }
            return ids
        }
        XCTAssertEqual(ids.count, 100)
    }
}

final class TfaTests: XCTestCase {
    let emulator = Emulator.shared

    func testPinIsSentAndVerified() async throws {
        let tfa = try emulator.client().tfa()
        let app = try await tfa.createApplication(request: TfaApplicationRequest(name: "swift-test", enabled: true))
        let appId = try XCTUnwrap(app.applicationId)
        let template = try await tfa.createTemplate(appId: appId, request: TfaTemplateRequest(pinType: "NUMERIC", messageText: "Your code is {{pin}}", pinLength: 6))
        let msgId = try XCTUnwrap(template.messageId)
        let sent = try await tfa.sendPinSms(request: TfaSendPinRequest(applicationId: appId, messageId: msgId, to: "41793026727"))
        let pinId = try XCTUnwrap(sent.pinId)
        let pin = try emulator.pin(pinId)
        let wrong = try await tfa.verifyPin(pinId: pinId, pin: pin == "000000" ? "111111" : "000000")
        XCTAssertEqual(wrong.verified, false)
        let right = try await tfa.verifyPin(pinId: pinId, pin: pin)
        XCTAssertEqual(right.verified, true)
    }

    func testEmailTemplatesAndPins() async throws {
        let tfa = try emulator.client().tfa()
        let app = try await tfa.createApplication(request: TfaApplicationRequest(name: "swift-email"))
        let appId = try XCTUnwrap(app.applicationId)
        let template = try await tfa.createEmailTemplate(appId: appId, request: TfaEmailTemplateRequest(
            pinType: "NUMERIC", pinLength: 4, from: "sender@example.com", emailTemplateId: 1))
        let msgId = try XCTUnwrap(template.messageId)
        let updated = try await tfa.updateEmailTemplate(appId: appId, msgId: msgId, request: TfaEmailTemplateRequest(pinLength: 6, emailTemplateId: 1))
        XCTAssertEqual(updated.messageId, msgId)
        let sent = try await tfa.sendPinEmail(request: TfaSendEmailPinRequest(applicationId: appId, messageId: msgId, to: "someone@example.com"))
        let pinId = try XCTUnwrap(sent.pinId)
        let resent = try await tfa.resendPinEmail(pinId: pinId, request: TfaResendEmailPinRequest())
        XCTAssertEqual(resent.pinId, pinId)
        let verified = try await tfa.verifyPin(pinId: pinId, pin: try emulator.pin(pinId))
        XCTAssertEqual(verified.verified, true)
    }
}

/// tests/vectors/webhooks.json through the parsers, and Basic / HMAC verification with signatures
/// made by CommonCrypto.
final class WebhooksTests: XCTestCase {
    func testEveryWebhookVector() throws {
        guard let dir = ProcessInfo.processInfo.environment["INFOBIP_VECTORS"] else {
            throw XCTSkip("set INFOBIP_VECTORS to <repo>/tests/vectors")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("webhooks.json"))
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let cases = root?["cases"] as? [[String: Any]] ?? []
        XCTAssertGreaterThanOrEqual(cases.count, 15)
        for vector in cases {
            let name = vector["name"] as? String ?? ""
            let body = Data((vector["body"] as? String ?? "").utf8)
            let expected = vector["expected"] as? [String: Any] ?? [:]
            let kind = vector["kind"] as? String ?? ""
            if let code = expected["error"] as? String {
                do {
                    _ = try parseDeliveryReports(body: body)
                    XCTFail("\(name): parsed")
                } catch let error as InfobipError {
                    XCTAssertEqual(error.details().code, code, name)
                }
                continue
            }
            switch kind {
            case "delivery_reports":
                let reports = try parseDeliveryReports(body: body)
                XCTAssertEqual(reports.count, expected["count"] as? Int, name)
                for (i, want) in (expected["reports"] as? [[String: Any]] ?? []).enumerated() {
                    let r = reports[i]
                    check(want, [
                        "bulk_id": r.bulkId, "message_id": r.messageId, "to": r.to, "sender": r.sender,
                        "status_group": r.status?.groupName, "status_id": r.status?.id, "status_name": r.status?.name,
                        "error_name": r.error?.name, "error_group_name": r.error?.groupName, "error_permanent": r.error?.permanent,
                        "sent_at": r.sentAt, "done_at": r.doneAt, "message_count": r.messageCount,
                        "price_per_message": r.price?.pricePerMessage, "currency": r.price?.currency,
                        "callback_data": r.callbackData, "entity_id": r.platform?.entityId, "application_id": r.platform?.applicationId,
                    ], name)
                }
            case "inbound":
                let inbound = try parseInbound(body: body)
                XCTAssertEqual(inbound.results.count, expected["count"] as? Int, name)
                if let count = expected["message_count"] as? Int { XCTAssertEqual(inbound.messageCount, Int32(count), name) }
                if let pending = expected["pending_message_count"] as? Int { XCTAssertEqual(inbound.pendingMessageCount, Int32(pending), name) }
                for (i, want) in (expected["messages"] as? [[String: Any]] ?? []).enumerated() {
                    let m = inbound.results[i]
                    check(want, [
                        "message_id": m.messageId, "from": m.from, "to": m.to, "text": m.text, "clean_text": m.cleanText,
                        "keyword": m.keyword, "received_at": m.receivedAt, "sms_count": m.smsCount,
                    ], name)
                }
            default:
                let click = try parseClick(body: body)
                check(expected, [
                    "notification_type": click.notificationType, "recipient": click.recipient, "url": click.url,
                    "message_id": click.messageId, "bulk_id": click.bulkId, "sent_at": click.sentAt,
                    "device_type": click.recipientInfo?.deviceType, "country_name": click.geoLocationInfo?.countryName,
                ], name)
            }
        }
    }

    /// Every listed key is compared with the field of that name, as text; NSNull means absent.
    private func check(_ want: [String: Any], _ actual: [String: Any?], _ name: String) {
        for (key, value) in want where key != "count" {
            guard let got = actual[key] else {
                XCTFail("\(name): the vector has a key this suite does not check: \(key)")
                continue
            }
            if value is NSNull {
                XCTAssertNil(got, "\(name).\(key)")
            } else if let flag = got as? Bool {
                XCTAssertEqual(flag, value as? Bool, "\(name).\(key)")
            } else {
                XCTAssertEqual(got.map { "\($0)" }, "\(value)", "\(name).\(key)")
            }
        }
    }

    func testBasicCredentials() throws {
        let good = "Basic " + Data("hook:p4ss".utf8).base64EncodedString()
        try verifyBasic(authorization: good, username: "hook", password: Secret(value: "p4ss"))
        for bad in [nil, "Basic " + Data("hook:nope".utf8).base64EncodedString(), "Bearer x"] as [String?] {
            XCTAssertThrowsError(try verifyBasic(authorization: bad, username: "hook", password: Secret(value: "p4ss"))) { error in
                XCTAssertEqual((error as? InfobipError)?.details().code, "webhook_verification")
                XCTAssertFalse("\(error)".contains("p4ss"))
            }
        }
    }

    func testHmacSignatures() throws {
        let body = Data(#"{"results":[{"messageId":"M1"}]}"#.utf8)
        let algorithms: [(HmacAlgorithm, CCHmacAlgorithm, Int)] = [
            (.md5, CCHmacAlgorithm(kCCHmacAlgMD5), Int(CC_MD5_DIGEST_LENGTH)),
            (.sha1, CCHmacAlgorithm(kCCHmacAlgSHA1), Int(CC_SHA1_DIGEST_LENGTH)),
            (.sha224, CCHmacAlgorithm(kCCHmacAlgSHA224), Int(CC_SHA224_DIGEST_LENGTH)),
            (.sha256, CCHmacAlgorithm(kCCHmacAlgSHA256), Int(CC_SHA256_DIGEST_LENGTH)),
            (.sha384, CCHmacAlgorithm(kCCHmacAlgSHA384), Int(CC_SHA384_DIGEST_LENGTH)),
            (.sha512, CCHmacAlgorithm(kCCHmacAlgSHA512), Int(CC_SHA512_DIGEST_LENGTH)),
        ]
        let key = Data("k3y".utf8)
        for (algorithm, common, length) in algorithms {
            var mac = [UInt8](repeating: 0, count: length)
            key.withUnsafeBytes { k in
                body.withUnsafeBytes { b in
                    CCHmac(common, k.baseAddress, key.count, b.baseAddress, body.count, &mac)
                }
            }
            let hex = mac.map { String(format: "%02x", $0) }.joined()
            try verifyHmac(body: body, signature: hex, secret: Secret(value: "k3y"), algorithm: algorithm)
            try verifyHmac(body: body, signature: Data(mac).base64EncodedString(), secret: Secret(value: "k3y"), algorithm: algorithm)
            XCTAssertThrowsError(try verifyHmac(body: body + Data("x".utf8), signature: hex, secret: Secret(value: "k3y"), algorithm: algorithm))
            XCTAssertThrowsError(try verifyHmac(body: body, signature: hex, secret: Secret(value: "other"), algorithm: algorithm))
            XCTAssertThrowsError(try verifyHmac(body: body, signature: nil, secret: Secret(value: "k3y"), algorithm: algorithm))
        }
    }
}

/// Log lines kept by a handler called on the SDK's threads.
final class LockedEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    func all() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
