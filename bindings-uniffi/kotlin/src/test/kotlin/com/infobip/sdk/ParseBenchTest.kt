package com.infobip.sdk

import com.infobip.sdk.sms.DeliveryReports
import com.infobip.sdk.sms.LogResponseSmsLogSmsMessageContent
import kotlinx.serialization.json.Json
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.condition.EnabledIfSystemProperty

/**
 * Issue 22's parse figures for Kotlin, for bench.sh: a push of 50 SMS delivery reports (each with
 * price, status, error, platform and two date-times) and a logs page of 1,000 results, read into
 * the generated models (kotlinx.serialization, compiler-generated serializers, date-times as
 * `OffsetDateTime`) against the same body read by a plain JSON parser (kotlinx's `JsonElement`
 * tree) in the same run, as a ratio. Best of 3 rounds after a warm-up. Prints figures; asserts
 * nothing about speed. Off unless `-Dinfobip.bench=true`.
 */
@EnabledIfSystemProperty(named = "infobip.bench", matches = "true")
class ParseBenchTest {
    private fun report(i: Int) = """{"bulkId":"bulk-1","messageId":"message-$i","to":"4179302${"%04d".format(i)}","sender":"InfoSMS",
        |"sentAt":"2026-12-24T08:30:00.000+0000","doneAt":"2026-12-24T08:30:05.120+0000","messageCount":1,"mccMnc":"22801",
        |"callbackData":"cb-$i","price":{"pricePerMessage":0.0123,"currency":"EUR"},
        |"status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"},
        |"error":{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false},
        |"platform":{"entityId":"entity-1","applicationId":"app-1"}}""".trimMargin().replace("\n", "")

    private fun log(i: Int) = report(i).replace("\"to\":", "\"destination\":").dropLast(1) + ""","content":{"text":"Hello $i"}}"""

    /** Best time of 3 rounds of `count` parses, in microseconds per parse. */
    private fun best(count: Int, parse: () -> Any): Double {
        repeat(count) { parse() }
        return (1..3).minOf {
            val start = System.nanoTime()
            repeat(count) { parse() }
            (System.nanoTime() - start) / 1e3 / count
        }
    }

    @Test
    fun `typed reading against a plain JSON parse of the same body`() {
        val push = """{"results":[${(1..50).joinToString(",") { report(it) }}]}"""
        val page = """{"results":[${(1..1000).joinToString(",") { log(it) }}],"cursor":{"limit":1000,"nextCursor":"next"}}"""
        check(Wire.json.decodeFromString(DeliveryReports.serializer(), push).results.size == 50)
        check(Wire.json.decodeFromString(LogResponseSmsLogSmsMessageContent.serializer(), page).results.size == 1000)
        val rows = listOf(
            Triple("50-report delivery push", 2000, push),
            Triple("1,000-result SMS logs page", 100, page),
        )
        for ((name, count, body) in rows) {
            val plain = best(count) { Json.parseToJsonElement(body) }
            val typed = if (body === push) {
                best(count) { Wire.json.decodeFromString(DeliveryReports.serializer(), body) }
            } else {
                best(count) { Wire.json.decodeFromString(LogResponseSmsLogSmsMessageContent.serializer(), body) }
            }
            println("kotlin parse $name: typed ${"%.1f".format(typed)} us, plain JsonElement ${"%.1f".format(plain)} us, ratio ${"%.2f".format(typed / plain)}")
        }
        val bytes = push.toByteArray()
        val native = best(2000) { parseDeliveryReports(bytes) }
        println("kotlin parse 50-report delivery push through the core (parseDeliveryReports: Rust parse, JSON across, typed read): ${"%.1f".format(native)} us")
    }
}
