package com.infobip.sdk

import java.util.logging.Level
import java.util.logging.Logger

/**
 * Sends the SDK's log events (retries, every response's method, path, status, attempt, time and
 * request id; never a credential) to SLF4J when it is on the classpath, else to
 * `java.util.logging`, under the logger name [LOGGER]. Call [install] once at start:
 *
 * ```kotlin
 * InfobipLogging.install()                  // level from INFOBIP_LOG, else INFO
 * InfobipLogging.install(LogLevel.DEBUG)    // every response
 * ```
 *
 * The events are made and filtered by the native library (`setLogSink`); this file only picks
 * the logging library and maps the levels.
 */
object InfobipLogging {
    /** The logger name the events are written under. */
    const val LOGGER = "com.infobip.sdk"

    /** Where the events go. */
    enum class Backend { SLF4J, JUL }

    /** SLF4J when `org.slf4j.LoggerFactory` is on the classpath, else `java.util.logging`. */
    @JvmStatic
    fun detect(): Backend =
        try {
            Class.forName("org.slf4j.LoggerFactory", false, InfobipLogging::class.java.classLoader)
            Backend.SLF4J
        } catch (_: ClassNotFoundException) {
            Backend.JUL
        }

    /** Forwards the events at [level] and above (default: `INFOBIP_LOG`, else INFO) to [backend]. */
    @JvmStatic
    @JvmOverloads
    fun install(level: LogLevel = logLevelFromEnv() ?: LogLevel.INFO, backend: Backend = detect()) {
        setLogSink(if (backend == Backend.SLF4J) Slf4jSink() else JulSink(), level)
    }

    /** Stops forwarding. */
    @JvmStatic
    fun uninstall() {
        setLogSink(null, LogLevel.ERROR)
    }
}

/** Writes to SLF4J. Loaded only when SLF4J is there. A logging failure is never thrown back. */
private class Slf4jSink : LogSink {
    private val logger = org.slf4j.LoggerFactory.getLogger(InfobipLogging.LOGGER)

    override fun log(level: LogLevel, target: String, message: String) {
        runCatching {
            val line = "$target: $message"
            when (level) {
                LogLevel.ERROR -> logger.error(line)
                LogLevel.WARN -> logger.warn(line)
                LogLevel.INFO -> logger.info(line)
                LogLevel.DEBUG -> logger.debug(line)
                LogLevel.TRACE -> logger.trace(line)
            }
        }
    }
}

/** Writes to `java.util.logging` (DEBUG is FINE, TRACE is FINER). */
private class JulSink : LogSink {
    private val logger = Logger.getLogger(InfobipLogging.LOGGER)

    override fun log(level: LogLevel, target: String, message: String) {
        runCatching {
            val julLevel = when (level) {
                LogLevel.ERROR -> Level.SEVERE
                LogLevel.WARN -> Level.WARNING
                LogLevel.INFO -> Level.INFO
                LogLevel.DEBUG -> Level.FINE
                LogLevel.TRACE -> Level.FINER
            }
            logger.log(julLevel, "$target: $message")
        }
    }
}
