// The SDK's log events (retries, every response's method, path, status, attempt, time and
// request id; never a credential) handed to a handler the app sets, by default OSLog
// (subsystem "com.infobip.sdk"). The events are made and filtered by the native library
// (`setLogSink`); this file only adapts them to a Swift closure and to OSLog.
//
//     InfobipLogging.install()                                  // OSLog, level from INFOBIP_LOG, else .info
//     InfobipLogging.install(level: .debug) { level, target, message in print(level, message) }

import Foundation
import os

/// Where the SDK's log events go.
public enum InfobipLogging {
    /// Receives one event: its level, its target (`infobip`, …) and its text.
    public typealias Handler = @Sendable (LogLevel, String, String) -> Void

    /// Forwards the events at `level` and above to `handler` (default: OSLog).
    public static func install(level: LogLevel? = nil, handler: Handler? = nil) {
        let chosen = level ?? logLevelFromEnv() ?? .info
        setLogSink(sink: ClosureSink(handler ?? osLog), level: chosen)
    }

    /// Stops forwarding.
    public static func uninstall() {
        setLogSink(sink: nil, level: .error)
    }

    /// Writes to the unified logging system under subsystem `com.infobip.sdk`, category the target.
    public static let osLog: Handler = { level, target, message in
        let log = OSLog(subsystem: "com.infobip.sdk", category: target)
        let type: OSLogType
        switch level {
        case .error: type = .error
        case .warn: type = .default
        case .info: type = .info
        case .debug, .trace: type = .debug
        }
        os_log("%{public}@", log: log, type: type, message)
    }
}

/// The native library's sink, calling a closure.
private final class ClosureSink: LogSink {
    private let handler: InfobipLogging.Handler

    init(_ handler: @escaping InfobipLogging.Handler) {
        self.handler = handler
    }

    func log(level: LogLevel, target: String, message: String) {
        handler(level, target, message)
    }
}
