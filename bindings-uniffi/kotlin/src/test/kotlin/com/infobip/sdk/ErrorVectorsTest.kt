package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.longOrNull
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.io.File

/**
 * tests/vectors/errors.json end to end: the emulator answers each case's status, headers and
 * body verbatim (a queued fault); the call through the bindings must throw the subclass of
 * [InfobipException] for the case's code, with the expected fields.
 */
class ErrorVectorsTest {
    private val client = Emulator.client()

    @TestFactory
    fun `every error vector maps to its exception and fields`(): List<DynamicTest> {
        val file = File(System.getProperty("infobip.vectors"), "errors.json")
        val cases = Json.parseToJsonElement(file.readText()).jsonObject["cases"]!!.jsonArray
        assertTrue(cases.size >= 20, "expected the full vector set, got ${cases.size}")
        return cases.map { it.jsonObject }.map { case ->
            DynamicTest.dynamicTest(case.string("name")!!) { check(case) }
        }
    }

    private fun check(case: JsonObject) {
        if (case.string("at") == "oauth2_token") return checkTokenEndpoint(case)
        Emulator.reset()
        val headers = case["headers"]!!.jsonObject
        val fault = JsonObject(
            mapOf(
                "path" to JsonPrimitive("/account/1/balance"),
                "status" to case["status"]!!,
                "headers" to headers,
                "body" to case["body"]!!,
            ),
        )
        Emulator.fault(fault.toString())
        val error = assertThrows<InfobipException> {
            runBlocking { client.request(HttpRequest(method = "GET", path = "/account/1/balance")) }
        }
        val expected = case["expected"]!!.jsonObject
        val details = error.details()
        val code = expected.string("code")!!
        assertEquals(code, details.code)
        assertEquals(ErrorClasses.forCode(code), error::class, "class for $code")
        assertEquals(case["status"]!!.jsonPrimitive.content.toInt(), details.status?.toInt())
        for ((key, value) in expected) {
            when (key) {
                "code" -> {}
                "error_code" -> assertEquals(value.nullableString(), details.errorCode, key)
                "text" -> assertEquals(value.nullableString(), details.text, key)
                "action" -> assertEquals(value.nullableString(), details.action, key)
                "request_id" -> assertEquals(value.nullableString(), details.requestId, key)
                "body_is_json" -> assertEquals(value.jsonPrimitive.booleanOrNull, details.bodyIsJson, key)
                "retry_after_ms" -> assertEquals(value.jsonPrimitive.longOrNull?.toULong(), details.retryAfterMs, key)
                "message_contains" -> assertTrue(
                    details.message.contains(value.jsonPrimitive.content),
                    "message ${details.message} should contain $value",
                )
                "violations" -> assertEquals(
                    value.jsonArray.map { Violation(it.jsonObject.string("property")!!, it.jsonObject.string("message")!!) },
                    details.violations,
                    key,
                )
                "resources" -> assertEquals(
                    value.jsonArray.map { ErrorResource(it.jsonObject.string("name")!!, it.jsonObject.string("url")!!) },
                    details.resources,
                    key,
                )
                else -> throw AssertionError("errors.json has a key this suite does not check: $key")
            }
        }
        assertEquals(1u, details.attempts)
        assertEquals(case.string("body")!!.take(4096), details.body)
    }

    /** A case the OAuth2 token endpoint answers: the call is not sent, the error is `auth_failed`. */
    private fun checkTokenEndpoint(case: JsonObject) {
        Emulator.reset()
        val fault = JsonObject(
            mapOf(
                "path" to JsonPrimitive("/auth/1/oauth2/token"),
                "status" to case["status"]!!,
                "headers" to case["headers"]!!.jsonObject,
                "body" to case["body"]!!,
            ),
        )
        Emulator.fault(fault.toString())
        val oauth = Emulator.client(auth = Auth.OAuth2(Emulator.USERNAME, Secret(Emulator.PASSWORD)))
        val error = assertThrows<InfobipException.AuthFailed> {
            runBlocking { oauth.request(HttpRequest(method = "GET", path = "/account/1/balance")) }
        }
        val expected = case["expected"]!!.jsonObject
        for ((key, value) in expected) {
            when (key) {
                "code" -> assertEquals(value.jsonPrimitive.content, error.details.code)
                "cause" -> assertEquals(value.jsonPrimitive.content, error.details.cause)
                "auth_status" -> assertEquals(value.jsonPrimitive.content.toInt(), error.details.status?.toInt())
                "message_contains" -> assertTrue(error.details.message.contains(value.jsonPrimitive.content), error.details.message)
                else -> throw AssertionError("errors.json has a key this suite does not check: $key")
            }
        }
        assertEquals(emptyList<String>(), Emulator.requests("/account/1/balance"), "the call was not sent")
    }
}

private fun JsonObject.string(key: String): String? = this[key]?.nullableString()

private fun kotlinx.serialization.json.JsonElement.nullableString(): String? =
    if (this is JsonNull) null else jsonPrimitive.content

/** The one table from error codes to exception classes, as users see it. */
object ErrorClasses {
    fun forCode(code: String) = when (code) {
        "config" -> InfobipException.Config::class
        "validation" -> InfobipException.Validation::class
        "connection" -> InfobipException.Connection::class
        "timeout" -> InfobipException.Timeout::class
        "outcome_unknown" -> InfobipException.OutcomeUnknown::class
        "auth_failed" -> InfobipException.AuthFailed::class
        "bad_request" -> InfobipException.BadRequest::class
        "unauthorized" -> InfobipException.Unauthorized::class
        "forbidden" -> InfobipException.Forbidden::class
        "not_found" -> InfobipException.NotFound::class
        "conflict" -> InfobipException.Conflict::class
        "rate_limited" -> InfobipException.RateLimited::class
        "server_error" -> InfobipException.ServerException::class
        "api_error" -> InfobipException.ApiException::class
        "decode" -> InfobipException.Decode::class
        "webhook_verification" -> InfobipException.WebhookVerification::class
        "internal" -> InfobipException.Internal::class
        else -> throw AssertionError("unknown code $code")
    }
}
