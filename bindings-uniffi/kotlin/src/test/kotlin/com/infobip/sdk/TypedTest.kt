package com.infobip.sdk

import com.infobip.sdk.email.EmailGroupDestination
import com.infobip.sdk.email.EmailMessageContent
import com.infobip.sdk.email.EmailRequest
import com.infobip.sdk.email.EmailToDestination
import com.infobip.sdk.messages_api.MessagesApiMessage
import com.infobip.sdk.messages_api.MessagesApiMessageContent
import com.infobip.sdk.messages_api.MessagesApiMessageTextBody
import com.infobip.sdk.messages_api.MessagesApiRequest
import com.infobip.sdk.messages_api.MessagesApiToDestination
import com.infobip.sdk.messages_api.OutboundMessageChannel
import com.infobip.sdk.number_lookup.NcNotifyRequest
import com.infobip.sdk.rcs.RcsMessage
import com.infobip.sdk.rcs.RcsMessageRequest
import com.infobip.sdk.rcs.RcsOutboundTextContent
import com.infobip.sdk.sms.DeliveryReport
import com.infobip.sdk.sms.GetOutboundSmsMessageLogsV3Request
import com.infobip.sdk.sms.SendSmsMessagesRequest
import com.infobip.sdk.sms.SmsBinaryMessageContent
import com.infobip.sdk.sms.SmsMessageContent
import com.infobip.sdk.sms.SmsTextMessageContent
import com.infobip.sdk.viber.ViberMessage
import com.infobip.sdk.viber.ViberOutboundContent
import com.infobip.sdk.viber.ViberOutboundTextContent
import com.infobip.sdk.viber.ViberRequest
import com.infobip.sdk.voice.SendRingingRequest
import com.infobip.sdk.whatsapp.BulkMessage
import com.infobip.sdk.whatsapp.FailoverMessage
import com.infobip.sdk.whatsapp.TemplateBodyContent
import com.infobip.sdk.whatsapp.TemplateContent
import com.infobip.sdk.whatsapp.TemplateDataContent
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant
import com.infobip.sdk.viber.Destination as ViberDestination
import com.infobip.sdk.rcs.Destination as RcsDestination

/** The generated typed layer: every operation, typed calls of the main channels, paging, validation, reading. */
class TypedTest {
    private val client = Emulator.client()

    @BeforeEach
    fun reset() = Emulator.reset()

    @Test
    fun `every operation of the catalog is exactly one generated method`() {
        val accessors = InfobipClient::class.java.declaredMethods.filter { it.parameterCount == 0 && it.returnType != Void.TYPE }
        val namespaces: List<Class<*>> = accessors.map { it.returnType }.filter { generateSequence<Class<*>>(it) { c -> c.superclass }.any { c -> c.packageName.startsWith("com.infobip.sdk.") } }
        assertEquals(46, namespaces.size)
        val names = mutableMapOf<String, MutableSet<String>>()
        var flows = 0
        for (namespace in namespaces) {
            val generated: Class<*> = generateSequence<Class<*>>(namespace) { it.superclass }.first { it.packageName != "com.infobip.sdk" }
            val ids = mutableMapOf<String, MutableSet<String>>()
            for (method in generated.declaredMethods) {
                val operation = method.getAnnotation(InfobipOperation::class.java) ?: continue
                if (operation.pages) {
                    flows++
                } else {
                    names.getOrPut(operation.id) { mutableSetOf() } += method.name
                    ids.getOrPut(method.name) { mutableSetOf() } += operation.id
                }
            }
            val shared = ids.filterValues { it.size != 1 }
            assertTrue(shared.isEmpty(), "method names of more than one operation in ${generated.simpleName}: $shared")
        }
        val catalog = operations().map { it.id }.toSet()
        assertEquals(943, catalog.size)
        assertEquals(catalog, names.keys, "generated operations are the catalog's")
        val ambiguous = names.filterValues { it.size != 1 }
        assertTrue(ambiguous.isEmpty(), "operations with more than one method name: $ambiguous")
        assertEquals(108, flows, "a Flow per paging operation")
    }

    @Test
    fun `WhatsApp, Email, Viber, RCS, Voice, Messages API and Number Lookup are called typed`() = runBlocking {
        val whatsapp = client.whatsapp().sendWhatsappTemplateMessage(
            BulkMessage(
                messages = listOf(
                    FailoverMessage(
                        from = "441134960000", to = "441134960001",
                        content = TemplateContent(
                            templateName = "welcome", language = "en",
                            templateData = TemplateDataContent(body = TemplateBodyContent(placeholders = listOf("Ada"))),
                        ),
                    ),
                ),
            ),
        )
        assertEquals(200, whatsapp.httpResponse!!.status.toInt())
        assertTrue(whatsapp.messages.isNotEmpty(), whatsapp.toString())
        val email = client.email().sendEmailMessagesApi(
            EmailRequest(
                messages = listOf(
                    com.infobip.sdk.email.EmailMessage(
                        sender = "sender@example.com",
                        destinations = listOf(EmailGroupDestination(to = listOf(EmailToDestination(destination = "ada@example.com")))),
                        content = EmailMessageContent(subject = "Hello", text = "Hello Ada"),
                    ),
                ),
            ),
        )
        assertNotNull(email.httpResponse)
        val viber = client.viber().sendViberMessages(
            ViberRequest(
                messages = listOf(
                    ViberMessage(
                        sender = "IBSelfServe", destinations = listOf(ViberDestination(to = "41793026727")),
                        content = ViberOutboundTextContent(text = "Hello"),
                    ),
                ),
            ),
        )
        assertTrue(viber.messages.isNotEmpty())
        client.rcs().sendRcsMessages(
            RcsMessageRequest(
                messages = listOf(RcsMessage(destinations = listOf(RcsDestination(to = "41793026727")), content = RcsOutboundTextContent(text = "Hi"))),
            ),
        )
        client.messagesApi().sendMessagesApiMessage(
            MessagesApiRequest(
                messages = listOf(
                    MessagesApiMessage(
                        channel = OutboundMessageChannel.SMS,
                        destinations = listOf(MessagesApiToDestination(to = "41793026727")),
                        content = MessagesApiMessageContent(body = MessagesApiMessageTextBody(text = "Hi")),
                    ),
                ),
            ),
        )
        client.numberLookup().numberContextLookupAsync(NcNotifyRequest(to = listOf("41793026727")))
        client.voice().sendRinging(SendRingingRequest(callId = "call-1"))
        val seen = Emulator.recorded()
        val viberBody = Json.parseToJsonElement(seen.single { it.path == "/viber/2/messages" }.body).jsonObject
        val content = viberBody["messages"]!!.let { it as kotlinx.serialization.json.JsonArray }[0].jsonObject["content"]!!.jsonObject
        assertEquals("TEXT", content["type"]!!.jsonPrimitive.content, "a subtype writes its tag")
        for (path in listOf(
            "/whatsapp/1/message/template", "/email/4/messages", "/viber/2/messages", "/rcs/2/messages",
            "/messages-api/1/messages", "/number/1/notify", "/calls/1/calls/call-1/send-ringing",
        )) {
            assertEquals(1, seen.count { it.path == path && it.method == "POST" }, "$path in ${seen.map { it.path }}")
        }
    }

    @Test
    fun `a paging operation is a Flow of every item that stops after the last page`() = runBlocking {
        val sent = client.sms().send(
            SmsRequest(messages = listOf(SmsMessage(destinations = (1..5).map { SmsDestination(to = "4179302670$it") }, content = SmsContent.Text(text = "Paged")))),
        )
        val logs = client.sms().getOutboundSmsMessageLogsV3Flow(GetOutboundSmsMessageLogsV3Request(bulkId = listOf(sent.bulkId!!), limit = 2)).toList()
        assertEquals(sent.messages.map { it.messageId }.toSet(), logs.map { it.messageId }.toSet())
        assertEquals(5, logs.size)
        assertTrue(logs.all { it.sentAt != null && it.content is SmsTextMessageContent })
        assertTrue(Emulator.recorded().count { it.path == "/sms/3/logs" } >= 3, "5 logs in pages of 2")
    }

    @Test
    fun `validation refuses a value the spec does not allow unless it is turned off per call or per client`() = runBlocking {
        val request = SendSmsMessagesRequest(
            SmsRequest(messages = listOf(SmsMessage(destinations = listOf(SmsDestination(to = "41793026727")), content = SmsTextMessageContent(text = "x", transliteration = "KLINGON")))),
        )
        val refused = assertThrows<InfobipException.Validation> { runBlocking { client.sms().sendSmsMessages(request) } }
        assertTrue(refused.details.violations.any { it.property.contains("transliteration") }, refused.details.toString())
        assertTrue(Emulator.recorded().none { it.path == "/sms/3/messages" })
        runCatching { client.sms().sendSmsMessages(request, RequestOptions(validate = false)) }
        val unchecked = InfobipClient(ClientConfig(baseUrl = Emulator.baseUrl, auth = Auth.ApiKey(Secret(Emulator.apiKey)), maxRetries = 0u, validate = false))
        runCatching { unchecked.sms().sendSmsMessages(request) }
        val sent = Emulator.recorded().filter { it.path == "/sms/3/messages" }
        assertEquals(2, sent.size)
        assertTrue(sent.all { it.body.contains("KLINGON") })
    }

    @Test
    fun `answers are read leniently into typed objects with the HTTP response beside them`() {
        val report = Wire.json.decodeFromString(
            DeliveryReport.serializer(),
            """{"sentAt":"2026-12-24T09:30:00+01:00","doneAt":"2026-12-24T08:30:05.12Z","status":{"groupName":"TELEPORTED","id":999},"price":{"pricePerMessage":0.01},"newField":{"x":[1]}}""",
        )
        assertEquals(Instant.parse("2026-12-24T08:30:00Z"), report.sentAt!!.toInstant())
        assertEquals(Instant.parse("2026-12-24T08:30:05.120Z"), report.doneAt!!.toInstant())
        assertEquals("TELEPORTED", report.status?.groupName, "an unknown enum value is kept")
        assertEquals(999, report.status?.id)
        for (form in listOf("2026-12-24T08:30:00.000+0000", "2026-12-24T08:30:00+00", "2026-12-24T08:30:00", "2026-12-24 08:30:00Z")) {
            assertEquals(Instant.parse("2026-12-24T08:30:00Z"), InfobipDateTime.parse(form)!!.toInstant(), form)
        }
        val epoch = Wire.json.decodeFromString(DeliveryReport.serializer(), """{"sentAt":1704106800000}""")
        assertEquals(Instant.ofEpochMilli(1704106800000), epoch.sentAt!!.toInstant())
        assertEquals("2026-12-24T08:30:00.000+0000", Json.parseToJsonElement(report.toJson()).jsonObject["sentAt"]!!.jsonPrimitive.content)

        val text = Wire.json.decodeFromString(ViberOutboundContent.serializer(), """{"type":"TEXT","text":"hi"}""")
        assertEquals("hi", (text as ViberOutboundTextContent).text)
        val hologram = Wire.json.decodeFromString(ViberOutboundContent.serializer(), """{"type":"HOLOGRAM","depth":3}""")
        assertTrue(hologram is ViberOutboundContent.Other && hologram.toJson() == """{"type":"HOLOGRAM","depth":3}""", hologram.toString())

        assertTrue(Wire.json.decodeFromString(SmsMessageContent.serializer(), """{"text":"hi"}""") is SmsTextMessageContent)
        assertTrue(Wire.json.decodeFromString(SmsMessageContent.serializer(), """{"hex":"48 69"}""") is SmsBinaryMessageContent)
        assertTrue(Wire.json.decodeFromString(SmsMessageContent.serializer(), """{"card":{}}""") is SmsMessageContent.Other)
    }

    @Test
    fun `an answer that cannot be read is a Decode error with its request id`() {
        Emulator.fault("""{"path":"/sms/1/inbox/reports","status":200,"body":"{\"results\":\"not a list\"}"}""")
        val error = assertThrows<InfobipException.Decode> { runBlocking { client.sms().getInboundSmsMessages(com.infobip.sdk.sms.GetInboundSmsMessagesRequest()) } }
        assertEquals(200, error.details.status?.toInt())
    }

    private fun whatsappTemplate() = BulkMessage(
        messages = listOf(
            FailoverMessage(
                from = "441134960000", to = "441134960001",
                content = TemplateContent(templateName = "welcome", language = "en", templateData = TemplateDataContent(body = TemplateBodyContent(placeholders = listOf("Ada")))),
            ),
        ),
    )

    /** Waits (at most 10 s) until the emulator has seen `path` at least once, and returns how often. */
    private fun seenOnce(path: String): Int {
        val deadline = System.nanoTime() + 10_000_000_000
        while (Emulator.recorded().none { it.path == path } && System.nanoTime() < deadline) Thread.sleep(20)
        return Emulator.recorded().count { it.path == path }
    }

    /** Needs the catalog-driven send rules (helper `harden`): ids assigned, never resent, `OutcomeUnknown` with them. */
    @Test
    @Tag("send-rules")
    fun `a WhatsApp send past the timeout is outcome unknown with its ids and is sent once`() {
        Emulator.fault("""{"path":"/whatsapp/1/message/template","kind":"delay","delayMs":2000}""")
        val retrying = Emulator.client(maxRetries = 2u)
        val error = assertThrows<InfobipException.OutcomeUnknown> {
            runBlocking { retrying.whatsapp().sendWhatsappTemplateMessage(whatsappTemplate(), RequestOptions(timeoutMs = 200uL)) }
        }
        assertNotNull(error.details.bulkId)
        assertEquals(1, error.details.messageIds.size)
        assertEquals(1, seenOnce("/whatsapp/1/message/template"))
    }

    /** Needs the catalog-driven send rules (helper `harden`). */
    @Test
    @Tag("send-rules")
    fun `a Viber send past the timeout is outcome unknown with its ids and is sent once`() {
        Emulator.fault("""{"path":"/viber/2/messages","kind":"delay","delayMs":2000}""")
        val retrying = Emulator.client(maxRetries = 2u)
        val request = ViberRequest(
            messages = listOf(
                ViberMessage(sender = "IBSelfServe", destinations = listOf(ViberDestination(to = "41793026727"), ViberDestination(to = "41793026728")), content = ViberOutboundTextContent(text = "Hello")),
            ),
        )
        val error = assertThrows<InfobipException.OutcomeUnknown> {
            runBlocking { retrying.viber().sendViberMessages(request, RequestOptions(timeoutMs = 200uL)) }
        }
        assertNotNull(error.details.bulkId)
        assertEquals(2, error.details.messageIds.size)
        assertEquals(1, seenOnce("/viber/2/messages"))
    }
}
