package com.infobip.sdk

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.OffsetDateTime
import java.time.ZoneOffset

/** Typed SMS calls against the emulator. */
class SmsTest {
    private val client = Emulator.client()
    private val sms = client.sms()
    private val finalGroups = setOf("DELIVERED", "UNDELIVERABLE", "EXPIRED", "REJECTED")

    @BeforeEach
    fun reset() = Emulator.reset()

    private fun text(vararg to: String, text: String = "Hello from Kotlin") = SmsMessage(
        destinations = to.map { SmsDestination(to = it) },
        content = SmsContent.Text(text = text),
        sender = "InfoSMS",
    )

    private fun inDays(days: Long): OffsetDateTime = OffsetDateTime.now(ZoneOffset.UTC).plusDays(days)

    @Test
    fun `a send gets ids and its delivery report can be read back`() = runBlocking {
        val sent = sms.send(SmsRequest(messages = listOf(text("41793026727"))))
        val bulkId = checkNotNull(sent.bulkId)
        val message = sent.messages.single()
        val messageId = checkNotNull(message.messageId)
        assertEquals("41793026727", message.destination)
        assertEquals("PENDING", message.status?.groupName)

        Emulator.flushReports()
        val reports = sms.deliveryReports(SmsReportsFilter(bulkId = bulkId))
        val report = reports.single { it.messageId == messageId }
        assertEquals(bulkId, report.bulkId)
        assertTrue(report.status?.groupName in finalGroups, report.toString())
        assertTrue(report.doneAt!!.isAfter(OffsetDateTime.now().minusHours(1)), report.doneAt.toString())
        // Consume-once: the same report is not returned twice.
        assertTrue(sms.deliveryReports(SmsReportsFilter(bulkId = bulkId)).none { it.messageId == messageId })
    }

    @Test
    fun `your own bulk id and message ids are kept, with every option sent`() = runBlocking {
        val request = SmsRequest(
            messages = listOf(
                SmsMessage(
                    destinations = listOf(SmsDestination(to = "41793026727", messageId = "my-message-1")),
                    content = SmsContent.Text(text = "Hello", transliteration = "GREEK"),
                    sender = "InfoSMS",
                    options = SmsMessageOptions(
                        validityPeriod = SmsValidityPeriod(amount = 30, timeUnit = "MINUTES"),
                        campaignReferenceId = "campaign-7",
                    ),
                    webhooks = SmsWebhooks(callbackData = "cb-1"),
                ),
            ),
            options = SmsSendOptions(schedule = SmsSchedule(bulkId = "my-bulk-1"), includeSmsCountInResponse = true),
        )
        val sent = sms.send(request)
        assertEquals("my-bulk-1", sent.bulkId)
        assertEquals("my-message-1", sent.messages.single().messageId)
    }

    @Test
    fun `the one-line form and the query form send`() = runBlocking {
        val sent = sms.sendText("41793026727", "One line", "InfoSMS")
        assertNotNull(sent.messages.single().messageId)
        val queried = sms.sendQuery(SmsSendQuery(to = listOf("41793026727", "41793026728"), text = "By query", from = "InfoSMS"))
        assertNotNull(queried.bulkId)
        assertEquals(2, queried.messages.size)
    }

    @Test
    fun `logs are read page by page with the cursor`() = runBlocking {
        val sent = sms.send(SmsRequest(messages = listOf(text("41793026701", "41793026702", "41793026703", "41793026704", "41793026705"))))
        val bulkId = sent.bulkId!!
        val seen = mutableListOf<String>()
        var cursor: String? = null
        var pages = 0
        do {
            val page = sms.logsPage(SmsLogsFilter(bulkIds = listOf(bulkId), limit = 2u), cursor)
            assertTrue(page.results.size <= 2)
            page.results.forEach { seen += it.messageId!! }
            cursor = page.nextCursor
            pages++
        } while (cursor != null && pages < 10)
        assertEquals(sent.messages.map { it.messageId }.toSet(), seen.toSet())
        assertEquals(5, seen.size)
        assertTrue(pages >= 3, "5 logs in pages of 2: $pages pages")
        val first = sms.logsPage(SmsLogsFilter(bulkIds = listOf(bulkId), limit = 1u)).results.single()
        assertTrue(first.content is SmsContent.Text, first.toString())
    }

    @Test
    fun `preview splits a text`() = runBlocking {
        val preview = sms.preview(SmsPreviewRequest(text = "a".repeat(200)))
        assertEquals("a".repeat(200), preview.originalText)
        assertEquals(2, preview.previews.first().messageCount)
    }

    @Test
    fun `inbound messages are pulled`() = runBlocking {
        Emulator.injectInbound(from = "41793026727", to = "447491163443", text = "STOP please")
        val inbound = sms.inbound(10u)
        val message = inbound.results.single()
        assertEquals("41793026727", message.from)
        assertEquals("STOP please", message.text)
    }

    @Test
    fun `a scheduled bulk is read, moved, paused and canceled`() = runBlocking {
        val sendAt = inDays(2)
        sms.send(
            SmsRequest(
                messages = listOf(text("41793026727")),
                options = SmsSendOptions(schedule = SmsSchedule(bulkId = "scheduled-1", sendAt = sendAt)),
            ),
        )
        assertEquals("scheduled-1", sms.bulkSchedule("scheduled-1").bulkId)
        val moved = sms.rescheduleBulk("scheduled-1", inDays(3))
        assertNotNull(moved.sendAt)
        assertEquals("PENDING", sms.bulkStatus("scheduled-1").status)
        assertEquals("PAUSED", sms.setBulkStatus("scheduled-1", "PAUSED").status)
        assertEquals("CANCELED", sms.setBulkStatus("scheduled-1", "CANCELED").status)
    }

    @Test
    fun `a request without destinations is refused before sending`() {
        val error = assertThrows<InfobipException.Validation> {
            runBlocking { sms.send(SmsRequest(messages = listOf(text()))) }
        }
        assertTrue(error.details.violations.any { it.property.contains("destinations") }, error.details.toString())
        assertNull(error.details.attempts)
    }

    @Test
    fun `a bad date-time in a filter names the field`() {
        val error = assertThrows<InfobipException.Validation> {
            runBlocking { sms.logsPage(SmsLogsFilter(sentSince = "yesterday")) }
        }
        assertEquals("sentSince", error.details.violations.single().property)
    }

    @Test
    fun `a send that times out is outcome unknown with its bulk id and message ids`() {
        Emulator.fault("""{"path":"/sms/3/messages","kind":"delay","delayMs":2000}""")
        val error = assertThrows<InfobipException.OutcomeUnknown> {
            runBlocking {
                sms.send(SmsRequest(messages = listOf(text("41793026727", "41793026728"))), RequestOptions(timeoutMs = 200uL))
            }
        }
        val details = error.details
        assertNotNull(details.bulkId)
        assertEquals(2, details.messageIds.size)
        assertTrue(error.message!!.contains(details.bulkId!!), error.message)
    }

    @Test
    fun `a malformed response body is a decode error`() {
        Emulator.fault("""{"path":"/sms/3/logs","kind":"malformed_body"}""")
        assertThrows<InfobipException.Decode> { runBlocking { sms.logsPage() } }
    }

    @Test
    fun `100 concurrent suspend sends from coroutines all succeed with distinct ids`() = runBlocking {
        val sent = withTimeout(60_000) {
            coroutineScope {
                (1..100).map { i -> async { sms.sendText("4179302%04d".format(i), "Concurrent $i") } }.awaitAll()
            }
        }
        val ids = sent.map { it.messages.single().messageId!! }
        assertEquals(100, ids.toSet().size)
        assertEquals(100, sent.mapNotNull { it.bulkId }.toSet().size)
        assertTrue(sent.all { it.messages.single().status?.groupName == "PENDING" })
    }

    @Test
    fun `v2 text and binary sends get ids, and v1 reports are pulled`() = runBlocking {
        val text = sms.sendV2Text(
            SmsLegacySendRequest(
                messages = listOf(SmsLegacyMessage(destinations = listOf(SmsDestination(to = "41793026727")), from = "InfoSMS", text = "Legacy")),
            ),
        )
        val bulkId = checkNotNull(text.bulkId)
        assertNotNull(text.messages.single().messageId)
        assertEquals("PENDING", text.messages.single().status?.groupName)
        assertNotNull(text.requestId)
        val binary = sms.sendV2Binary(
            SmsLegacySendRequest(
                messages = listOf(
                    SmsLegacyMessage(destinations = listOf(SmsDestination(to = "41793026727")), binary = SmsBinaryContent(hex = "48 69", dataCoding = 0)),
                ),
                bulkId = "kotlin-v2-binary",
            ),
        )
        assertEquals("kotlin-v2-binary", binary.bulkId)
        assertEquals(listOf("POST /sms/2/text/advanced"), Emulator.requests("/sms/2/text"))
        assertEquals(listOf("POST /sms/2/binary/advanced"), Emulator.requests("/sms/2/binary"))
        Emulator.flushReports()
        val reports = sms.deliveryReportsV1(SmsReportsFilter(bulkId = bulkId))
        assertTrue(reports.all { it.bulkId == bulkId }, reports.toString())
        val error = assertThrows<InfobipException.Validation> { runBlocking { sms.sendV2Text(SmsLegacySendRequest(messages = emptyList())) } }
        assertEquals("messages", error.details().violations.first().property)
    }
}
