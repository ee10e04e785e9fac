package com.infobip.sdk

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.util.Base64
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/**
 * Webhooks: every case of tests/vectors/webhooks.json through parseDeliveryReports, parseInbound
 * and parseClick, and Basic / HMAC verification with signatures made here by the JDK.
 */
class WebhooksTest {
    @TestFactory
    fun `every webhook vector parses as expected`(): List<DynamicTest> {
        val file = File(System.getProperty("infobip.vectors"), "webhooks.json")
        val cases = Json.parseToJsonElement(file.readText()).jsonObject["cases"]!!.jsonArray
        assertTrue(cases.size >= 15, "expected the full vector set, got ${cases.size}")
        return cases.map { it.jsonObject }.map { case ->
            DynamicTest.dynamicTest(case.text("name")!!) { check(case) }
        }
    }

    private fun check(case: JsonObject) {
        val body = case.text("body")!!.toByteArray(Charsets.UTF_8)
        val expected = case["expected"]!!.jsonObject
        val kind = case.text("kind")!!
        expected.text("error")?.let { code ->
            val error = assertThrows<InfobipException> {
                when (kind) {
                    "delivery_reports" -> parseDeliveryReports(body)
                    "inbound" -> parseInbound(body)
                    else -> parseClick(body)
                }
            }
            assertEquals(code, error.details().code)
            assertEquals(ErrorClasses.forCode(code), error::class)
            return
        }
        when (kind) {
            "delivery_reports" -> {
                val reports = parseDeliveryReports(body)
                assertEquals(expected.int("count"), reports.size)
                expected["reports"]!!.jsonArray.forEachIndexed { i, want -> checkReport(want.jsonObject, reports[i]) }
            }
            "inbound" -> {
                val inbound = parseInbound(body)
                assertEquals(expected.int("count"), inbound.results.size)
                if ("message_count" in expected) assertEquals(expected.int("message_count"), inbound.messageCount)
                if ("pending_message_count" in expected) {
                    assertEquals(expected.int("pending_message_count"), inbound.pendingMessageCount)
                }
                expected["messages"]!!.jsonArray.forEachIndexed { i, want ->
                    checkFields(want.jsonObject, inboundFields(inbound.results[i]))
                }
            }
            "click" -> {
                val click = parseClick(body)
                checkFields(
                    expected,
                    mapOf(
                        "notification_type" to click.notificationType,
                        "recipient" to click.recipient,
                        "url" to click.url,
                        "message_id" to click.messageId,
                        "bulk_id" to click.bulkId,
                        "sent_at" to click.sentAt,
                        "device_type" to click.recipientInfo?.deviceType,
                        "country_name" to click.geoLocationInfo?.countryName,
                    ),
                )
            }
            else -> throw AssertionError("unknown kind $kind")
        }
    }

    private fun checkReport(want: JsonObject, report: SmsDeliveryReport) = checkFields(
        want,
        mapOf(
            "bulk_id" to report.bulkId,
            "message_id" to report.messageId,
            "to" to report.to,
            "sender" to report.sender,
            "status_group" to report.status?.groupName,
            "status_id" to report.status?.id,
            "status_name" to report.status?.name,
            "error_name" to report.error?.name,
            "error_group_name" to report.error?.groupName,
            "error_permanent" to report.error?.permanent,
            "sent_at" to report.sentAt,
            "done_at" to report.doneAt,
            "message_count" to report.messageCount,
            "price_per_message" to report.price?.pricePerMessage,
            "currency" to report.price?.currency,
            "callback_data" to report.callbackData,
            "entity_id" to report.platform?.entityId,
            "application_id" to report.platform?.applicationId,
        ),
    )

    private fun inboundFields(m: SmsInboundMessage) = mapOf(
        "message_id" to m.messageId,
        "from" to m.from,
        "to" to m.to,
        "text" to m.text,
        "clean_text" to m.cleanText,
        "keyword" to m.keyword,
        "received_at" to m.receivedAt,
        "sms_count" to m.smsCount,
    )

    /** Every listed key is checked against the record's field of that name; null means absent. */
    private fun checkFields(want: JsonObject, actual: Map<String, Any?>) {
        for ((key, value) in want) {
            if (key == "count") continue
            assertTrue(key in actual, "the vector has a key this suite does not check: $key")
            val got = actual[key]
            when {
                value is JsonNull -> assertEquals(null, got, key)
                got is java.time.OffsetDateTime -> assertEquals(value.jsonPrimitive.content, InfobipDateTime.format(got), key)
                got is Double -> assertEquals(value.jsonPrimitive.doubleOrNull, got, key)
                got is Int -> assertEquals(value.jsonPrimitive.intOrNull, got, key)
                got is Boolean -> assertEquals(value.jsonPrimitive.booleanOrNull, got, key)
                else -> assertEquals(value.jsonPrimitive.content, got, key)
            }
        }
    }

    @Test
    fun `Basic credentials are verified`() {
        val good = "Basic " + Base64.getEncoder().encodeToString("hook:p4ss".toByteArray())
        verifyBasic(good, "hook", Secret("p4ss"))
        for (bad in listOf(null, "Basic " + Base64.getEncoder().encodeToString("hook:nope".toByteArray()), "Bearer x", "Basic !!")) {
            val error = assertThrows<InfobipException.WebhookVerification> { verifyBasic(bad, "hook", Secret("p4ss")) }
            assertEquals("webhook_verification", error.details().code)
            assertFalse(error.toString().contains("p4ss"), "the password leaked: $error")
        }
    }

    @Test
    fun `HMAC signatures are verified for every algorithm, hex or base64`() {
        val body = """{"results":[{"messageId":"M1"}]}""".toByteArray()
        val jdk = mapOf(
            HmacAlgorithm.MD5 to "HmacMD5",
            HmacAlgorithm.SHA1 to "HmacSHA1",
            HmacAlgorithm.SHA224 to "HmacSHA224",
            HmacAlgorithm.SHA256 to "HmacSHA256",
            HmacAlgorithm.SHA384 to "HmacSHA384",
            HmacAlgorithm.SHA512 to "HmacSHA512",
        )
        assertEquals(HmacAlgorithm.entries.toSet(), jdk.keys)
        for ((algorithm, name) in jdk) {
            val mac = Mac.getInstance(name).apply { init(SecretKeySpec("k3y".toByteArray(), name)) }.doFinal(body)
            val hex = mac.joinToString("") { "%02x".format(it) }
            verifyHmac(body, hex, Secret("k3y"), algorithm)
            verifyHmac(body, "sha=" + Base64.getEncoder().encodeToString(mac), Secret("k3y"), algorithm)
            val tampered = body.copyOf().also { it[2] = 'X'.code.toByte() }
            assertThrows<InfobipException.WebhookVerification> { verifyHmac(tampered, hex, Secret("k3y"), algorithm) }
            assertThrows<InfobipException.WebhookVerification> { verifyHmac(body, hex, Secret("other"), algorithm) }
            assertThrows<InfobipException.WebhookVerification> { verifyHmac(body, null, Secret("k3y"), algorithm) }
        }
    }
}

private fun JsonObject.text(key: String): String? = this[key]?.let { if (it is JsonNull) null else it.jsonPrimitive.content }

private fun JsonObject.int(key: String): Int? = this[key]?.jsonPrimitive?.intOrNull
