// What the generated typed layer (`Generated/<Product>.swift`, written by `infobip-codegen emit
// swift` at build time) stands on: the one operation path (`call` and `pages` of the native
// client, with the parameters as JSON and the answer as bytes), reading answers with
// `JSONDecoder`, Infobip date-times, open enums, untyped JSON, results that carry their HTTP
// response, and paging as an `AsyncSequence`.
import Foundation

/// A string enum that keeps values it does not know: the spec's values are constants, any other
/// string the API sends is kept, and string literals compare (`status.groupName == "DELIVERED"`).
public protocol OpenEnum: RawRepresentable, Codable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
}

/// Any JSON value (what the spec does not describe, and what this version does not know).
public enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A member of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items of an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isString: Bool { stringValue != nil }
    public var isArray: Bool { arrayValue != nil }
    public var isObject: Bool { if case .object = self { return true } else { return false } }
    public var isNumber: Bool { if case .number = self { return true } else { return false } }
    public var isBool: Bool { if case .bool = self { return true } else { return false } }

    /// Whether this is an object holding every one of `fields`.
    public func has(_ fields: [String]) -> Bool {
        guard case .object(let members) = self else { return false }
        return fields.allSatisfy { members[$0] != nil }
    }

    /// This value read as `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try Wire.decoder.decode(T.self, from: try Wire.encoder.encode(self))
    }
}

/// Infobip date-times: written as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (UTC), read in every form the
/// API uses (`+0000`, `+00:00`, `+05`, `Z` or no offset, 0 to 9 fractional digits, a bare date,
/// epoch milliseconds), the forms the core reads.
public enum InfobipDate {
    private static let pattern = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?([Zz]|[+-]\d\d(?::?\d\d)?)?)?$"#)

    /// Writes a date-time in Infobip's format, in UTC.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'"
        return formatter.string(from: date)
    }

    /// Reads a date-time in any of the API's forms; `nil` when it is none of them.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let range = NSRange(trimmed.startIndex..., in: trimmed)
        guard let match = pattern.firstMatch(in: trimmed, range: range) else { return nil }
        func group(_ index: Int) -> String? {
            guard let r = Range(match.range(at: index), in: trimmed) else { return nil }
            return String(trimmed[r])
        }
        var parts = DateComponents()
        parts.calendar = Calendar(identifier: .gregorian)
        parts.timeZone = TimeZone(identifier: "UTC")
        parts.year = Int(group(1) ?? "")
        parts.month = Int(group(2) ?? "")
        parts.day = Int(group(3) ?? "")
        parts.hour = Int(group(4) ?? "0")
        parts.minute = Int(group(5) ?? "0")
        parts.second = Int(group(6) ?? "0")
        guard let local = parts.date else { return nil }
        let fraction = group(7).map { Double("0." + $0) ?? 0 } ?? 0
        var offset = 0
        if let zone = group(8), zone.lowercased() != "z" {
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            let hours = Int(digits.prefix(2)) ?? 0
            let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 0 : 0
            guard hours <= 23, minutes <= 59 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        return local.addingTimeInterval(fraction - Double(offset))
    }
}

/// An answer read as `T`, with its HTTP response: `response.status`, `response.requestId`, and
/// `T`'s fields directly (`response.bulkId`), or `response.value`.
@dynamicMemberLookup
public struct ApiResponse<T> {
    /// The answer, typed.
    public let value: T
    /// The HTTP response it came in.
    public let raw: RawResponse

    /// The HTTP status.
    public var status: UInt16 { raw.status }
    /// The response headers (lower-case names).
    public var headers: [String: String] { raw.headers }
    /// The request id the API gave (`X-Request-Id`).
    public var requestId: String? { raw.requestId }

    public subscript<V>(dynamicMember path: KeyPath<T, V>) -> V { value[keyPath: path] }
}

/// A downloaded file: its bytes, content type and file name (from `Content-Disposition`).
public struct FileDownload {
    /// The HTTP response.
    public let raw: RawResponse
    /// The file's bytes.
    public var bytes: Data { raw.body }
    /// The `Content-Type` the API gave.
    public var contentType: String? { raw.headers["content-type"] }
}

/// The JSON configuration and the calls every generated method makes.
public enum Wire {
    /// Writes requests: Infobip date-times, no `null`s.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InfobipDate.format(date))
        }
        return encoder
    }()

    /// Reads answers: every Infobip date-time form, unknown fields ignored, absent fields `nil`.
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let millis = try? container.decode(Int64.self) {
                return Date(timeIntervalSince1970: Double(millis) / 1000)
            }
            let text = try container.decode(String.self)
            guard let date = InfobipDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an Infobip date-time: \(text)")
            }
            return date
        }
        return decoder
    }()

    static func read<T: Decodable>(_ response: RawResponse, as type: T.Type) throws -> T {
        let body = response.body.isEmpty ? Data("null".utf8) : response.body
        do {
            return try decoder.decode(T.self, from: body)
        } catch {
            throw InfobipError.Decode(details: decodeErrorDetails(
                message: "the answer could not be read: \(error)", status: response.status, requestId: response.requestId))
        }
    }

    /// Calls an operation whose answer is JSON.
    public static func json<T: Decodable>(_ client: InfobipClient, _ operation: String, _ params: String?,
                                          _ options: RequestOptions?) async throws -> ApiResponse<T> {
        let response = try await client.call(operationId: operation, paramsJson: params, options: options)
        return ApiResponse(value: try read(response, as: T.self), raw: response)
    }

    /// Calls an operation that answers with no body.
    public static func empty(_ client: InfobipClient, _ operation: String, _ params: String?,
                             _ options: RequestOptions?) async throws -> RawResponse {
        try await client.call(operationId: operation, paramsJson: params, options: options)
    }

    /// Calls an operation that answers with a file.
    public static func file(_ client: InfobipClient, _ operation: String, _ params: String?,
                            _ options: RequestOptions?) async throws -> FileDownload {
        FileDownload(raw: try await client.call(operationId: operation, paramsJson: params, options: options))
    }

    /// Calls an operation that answers with text.
    public static func text(_ client: InfobipClient, _ operation: String, _ params: String?,
                            _ options: RequestOptions?) async throws -> ApiResponse<String> {
        let response = try await client.call(operationId: operation, paramsJson: params, options: options)
        return ApiResponse(value: String(decoding: response.body, as: UTF8.self), raw: response)
    }

    /// An operation's parameters by location, as the core's `call` reads them.
    public struct Params {
        private var path: [String: JSONValue] = [:]
        private var query: [String: JSONValue] = [:]
        private var headers: [String: JSONValue] = [:]
        private var body: JSONValue?

        public init() {}

        private static func value<T: Encodable>(_ value: T) throws -> JSONValue {
            try decoder.decode(JSONValue.self, from: try encoder.encode(value))
        }

        public mutating func path<T: Encodable>(_ name: String, _ value: T?) throws {
            if let value { path[name] = try Params.value(value) }
        }

        public mutating func query<T: Encodable>(_ name: String, _ value: T?) throws {
            if let value { query[name] = try Params.value(value) }
        }

        public mutating func header<T: Encodable>(_ name: String, _ value: T?) throws {
            if let value { headers[name] = try Params.value(value) }
        }

        public mutating func body<T: Encodable>(_ value: T?) throws {
            if let value { body = try Params.value(value) }
        }

        public func json() throws -> String {
            var all: [String: JSONValue] = [:]
            if !path.isEmpty { all["path"] = .object(path) }
            if !query.isEmpty { all["query"] = .object(query) }
            if !headers.isEmpty { all["headers"] = .object(headers) }
            if let body { all["body"] = body }
            return String(decoding: try encoder.encode(JSONValue.object(all)), as: UTF8.self)
        }
    }
}

/// Every item of every page of a paging operation, following the core's `pages`: it ends after
/// the last page or at an empty page, and throws `Decode` when the API repeats a cursor.
public struct Paged<Page: Decodable, Item>: AsyncSequence {
    public typealias Element = Item

    let client: InfobipClient
    let operation: String
    let params: () throws -> String?
    let options: RequestOptions?
    let items: (Page) -> [Item]

    public init(client: InfobipClient, operation: String, params: @escaping () throws -> String?,
                options: RequestOptions?, items: @escaping (Page) -> [Item]) {
        self.client = client
        self.operation = operation
        self.params = params
        self.options = options
        self.items = items
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: Paged
        var pager: Pager?
        var buffered: [Item] = []
        var done = false

        public mutating func next() async throws -> Item? {
            while buffered.isEmpty {
                if done { return nil }
                if pager == nil {
                    pager = try sequence.client.pages(operationId: sequence.operation, paramsJson: try sequence.params(),
                                                      options: sequence.options)
                }
                guard let response = try await pager?.nextPage() else {
                    done = true
                    return nil
                }
                buffered = sequence.items(try Wire.read(response, as: Page.self))
            }
            return buffered.removeFirst()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(sequence: self) }
}
