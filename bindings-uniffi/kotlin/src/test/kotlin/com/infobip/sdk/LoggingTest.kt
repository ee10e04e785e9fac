package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.util.Collections
import java.util.logging.Handler
import java.util.logging.Level
import java.util.logging.LogRecord
import java.util.logging.Logger

/** InfobipLogging: the SDK's events through SLF4J (on this classpath) or java.util.logging. */
class LoggingTest {
    @AfterEach
    fun off() = InfobipLogging.uninstall()

    private fun balance() = runBlocking { Emulator.client().request(HttpRequest(method = "GET", path = "/account/1/balance")) }

    @Test
    fun `SLF4J is chosen when it is on the classpath and gets every response at DEBUG, never the key`() {
        assertEquals(InfobipLogging.Backend.SLF4J, InfobipLogging.detect())
        val captured = ByteArrayOutputStream()
        val original = System.err
        System.setErr(PrintStream(captured, true, Charsets.UTF_8))
        try {
            InfobipLogging.install(LogLevel.DEBUG)
            balance()
        } finally {
            System.setErr(original)
        }
        val text = captured.toString(Charsets.UTF_8)
        assertTrue(text.contains("DEBUG com.infobip.sdk - infobip: response method=GET path=/account/1/balance status=200"), text)
        assertFalse(text.contains(Emulator.apiKey), text)
    }

    @Test
    fun `java util logging gets the events at their mapped levels, and none above the level set`() {
        val records = Collections.synchronizedList(mutableListOf<LogRecord>())
        val logger = Logger.getLogger(InfobipLogging.LOGGER)
        val handler = object : Handler() {
            override fun publish(record: LogRecord) { records.add(record) }
            override fun flush() {}
            override fun close() {}
        }
        logger.level = Level.ALL
        logger.addHandler(handler)
        try {
            InfobipLogging.install(LogLevel.DEBUG, InfobipLogging.Backend.JUL)
            balance()
            val response = records.firstOrNull { it.message.contains("path=/account/1/balance status=200") }
            assertEquals(Level.FINE, response?.level, records.map { it.message }.toString())
            assertTrue(records.none { it.message.contains(Emulator.apiKey) })

            records.clear()
            InfobipLogging.install(LogLevel.WARN, InfobipLogging.Backend.JUL)
            balance()
            assertEquals(emptyList<String>(), records.map { it.message }, "nothing below WARN")
        } finally {
            logger.removeHandler(handler)
        }
    }
}
