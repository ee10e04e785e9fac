package com.infobip.sdk

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Each error class, provoked by the emulator's real answers and by its faults. */
class ErrorsTest {
    private val client = Emulator.client()
    private val balance = HttpRequest(method = "GET", path = "/account/1/balance")

    @BeforeEach
    fun reset() = Emulator.reset()

    private inline fun <reified T : InfobipException> failing(crossinline call: suspend () -> Unit): T {
        val error = assertThrows<InfobipException> { runBlocking { call() } }
        assertTrue(error is T, "expected ${T::class.simpleName}, got $error")
        return error as T
    }

    @Test
    fun `a bad base URL is a config error that quotes it`() {
        val error = assertThrows<InfobipException.Config> {
            InfobipClient(ClientConfig(baseUrl = "ftp://example.com", auth = Auth.ApiKey(Secret("k"))))
        }
        assertEquals("config", error.details.code)
        assertTrue(error.details.message.contains("ftp://example.com"), error.details.message)
    }

    @Test
    fun `a body that is not JSON is refused before sending`() {
        val error = failing<InfobipException.Validation> {
            client.request(HttpRequest(method = "POST", path = "/sms/3/messages", bodyJson = "{not json"))
        }
        assertEquals("bodyJson", error.details.violations.single().property)
        assertEquals(null, error.details.attempts)
    }

    @Test
    fun `a wrong API key is unauthorized`() {
        val bad = Emulator.client(auth = Auth.ApiKey(Secret("wrong-key")))
        val error = failing<InfobipException.Unauthorized> { bad.request(balance) }
        assertEquals(401.toUShort(), error.details.status)
        assertTrue(error.details.bodyIsJson)
    }

    @Test
    fun `a key without the scope is forbidden`() {
        val limited = Emulator.client(auth = Auth.ApiKey(Secret(Emulator.LIMITED_API_KEY)))
        val error = failing<InfobipException.Forbidden> {
            limited.request(HttpRequest(method = "GET", path = "/sms/3/logs"))
        }
        assertEquals(403.toUShort(), error.details.status)
    }

    @Test
    fun `an invalid SMS request is a bad request with violations`() {
        val error = failing<InfobipException.BadRequest> {
            client.request(HttpRequest(method = "POST", path = "/sms/3/messages", bodyJson = """{"messages":[{}]}"""))
        }
        assertEquals(400.toUShort(), error.details.status)
        assertTrue(error.details.violations.isNotEmpty() || error.details.text != null, error.toString())
    }

    @Test
    fun `an unknown path is not found`() {
        failing<InfobipException.NotFound> { client.request(HttpRequest(method = "GET", path = "/nothing/here/1")) }
    }

    @Test
    fun `a 429 carries Retry-After in milliseconds and the request id`() {
        Emulator.fault("""{"path":"/account/1/balance","status":429,"headers":{"Retry-After":"3","X-Request-Id":"r-429"}}""")
        val error = failing<InfobipException.RateLimited> { client.request(balance) }
        assertEquals(3000uL, error.details.retryAfterMs)
        assertEquals("r-429", error.details.requestId)
    }

    @Test
    fun `a 409 is a conflict and a 418 an api error`() {
        Emulator.fault("""{"path":"/account/1/balance","status":409}""")
        failing<InfobipException.Conflict> { client.request(balance) }
        Emulator.fault("""{"path":"/account/1/balance","status":418}""")
        failing<InfobipException.ApiException> { client.request(balance) }
    }

    @Test
    fun `a 503 on a GET is retried, then a server error with the attempts`() {
        Emulator.fault("""{"path":"/account/1/balance","status":503,"count":5}""")
        val retrying = Emulator.client(maxRetries = 1u)
        val error = failing<InfobipException.ServerException> {
            retrying.request(balance.copy(options = RequestOptions(maxRetries = 1u)))
        }
        assertEquals(2u, error.details.attempts)
    }

    @Test
    fun `a reset connection on a GET is a connection error`() {
        Emulator.fault("""{"path":"/account/1/balance","kind":"reset_before_response"}""")
        val error = failing<InfobipException.Connection> { client.request(balance) }
        assertEquals("connection", error.details().code)
    }

    @Test
    fun `a slow GET is a timeout`() {
        Emulator.fault("""{"path":"/account/1/balance","kind":"delay","delayMs":2000}""")
        failing<InfobipException.Timeout> { client.request(balance.copy(options = RequestOptions(timeoutMs = 200uL))) }
    }

    @Test
    fun `a POST that times out is outcome unknown and names the operation`() {
        Emulator.fault("""{"path":"/sms/3/messages","kind":"delay","delayMs":2000}""")
        val body = """{"messages":[{"sender":"InfoSMS","destinations":[{"to":"41793026727"}],"content":{"text":"hi"}}]}"""
        val error = failing<InfobipException.OutcomeUnknown> {
            client.request(
                HttpRequest(method = "POST", path = "/sms/3/messages", bodyJson = body, options = RequestOptions(timeoutMs = 200uL)),
            )
        }
        assertEquals("POST /sms/3/messages", error.details.operation)
        assertEquals(1u, error.details.attempts)
    }

    @Test
    fun `the exception message and toString are the core's message`() {
        Emulator.fault("""{"path":"/account/1/balance","status":404}""")
        val error = failing<InfobipException.NotFound> { client.request(balance) }
        assertTrue(error.toString().startsWith("Infobip API returned 404"), error.toString())
        assertNotNull(error.message)
        assertTrue(error.message!!.contains("Infobip API returned 404"), error.message)
        assertFalse(error.toString().contains(Emulator.apiKey))
    }

    @Test
    fun `the query send against a delay fault is sent once and outcome unknown with its bulk id`() {
        Emulator.fault("""{"path":"/sms/3/text/query","kind":"delay","delayMs":1500}""")
        val error = failing<InfobipException.OutcomeUnknown> {
            client.call(
                "send-sms-messages-over-query-parameters",
                """{"query":{"to":"41793026727","text":"Hi"}}""",
                RequestOptions(timeoutMs = 500uL),
            )
        }
        assertEquals(listOf("GET /sms/3/text/query"), Emulator.requests("/sms/3/text/query"), "exactly one request")
        assertNotNull(error.details.bulkId)
        assertEquals(emptyList<String>(), error.details.messageIds)
        assertEquals("GET /sms/3/text/query", error.details.operation)
    }

    @Test
    fun `a failed token fetch is auth failed and the call is not sent`() {
        Emulator.fault("""{"path":"/auth/1/oauth2/token","status":500}""")
        val oauth = Emulator.client(auth = Auth.OAuth2(Emulator.USERNAME, Secret(Emulator.PASSWORD)))
        val error = failing<InfobipException.AuthFailed> { oauth.sms().sendText("41793026727", "Hi") }
        assertEquals("auth_failed", error.details.code)
        assertEquals("server_error", error.details.cause)
        assertEquals(500.toUShort(), error.details.status)
        assertEquals(emptyList<String>(), Emulator.requests("/sms/3/messages"))
    }

    @Test
    fun `a panic in the core is an Internal exception`() {
        for (inAsync in listOf(true, false)) {
            val error = failing<InfobipException.Internal> { testPanic(inAsync) }
            assertEquals("internal", error.details.code)
            assertTrue(error.details.message.contains("on purpose"), error.details.message)
        }
    }

    @Test
    fun `huge timeouts and answer caps are config errors naming the option`() {
        val huge = assertThrows<InfobipException.Config> {
            InfobipClient(ClientConfig(baseUrl = Emulator.baseUrl, auth = Auth.ApiKey(Secret("k")), timeoutMs = ULong.MAX_VALUE))
        }
        assertTrue(huge.details.message.contains("timeout"), huge.details.message)
        assertThrows<InfobipException.Config> {
            InfobipClient(ClientConfig(baseUrl = Emulator.baseUrl, auth = Auth.ApiKey(Secret("k")), maxResponseBytes = 0uL))
        }
        val call = failing<InfobipException.Config> { client.request(balance.copy(options = RequestOptions(timeoutMs = ULong.MAX_VALUE))) }
        assertTrue(call.details.message.contains("timeout"), call.details.message)
        assertEquals(emptyList<String>(), Emulator.requests("/account/1/balance"))
    }

    @Test
    fun `a cancelled send stays a CancellationException and carries its ids`() {
        Emulator.fault("""{"path":"/sms/3/messages","kind":"delay","delayMs":3000}""")
        var caught: Throwable? = null
        runBlocking {
            val job = launch {
                try {
                    client.sms().sendText("41793026727", "Hi")
                } catch (e: CancellationException) {
                    caught = e
                    throw e
                }
            }
            // Until the emulator has the request (bounded), then cancel.
            for (i in 0 until 200) {
                if (Emulator.requests("/sms/3/messages").isNotEmpty()) break
                delay(20)
            }
            job.cancelAndJoin()
        }
        val cancelled = caught as? SendCancellationException ?: throw AssertionError("got $caught")
        assertTrue(cancelled is CancellationException)
        assertNotNull(cancelled.bulkId)
        assertEquals(1, cancelled.messageIds.size)
        assertEquals(listOf("POST /sms/3/messages"), Emulator.requests("/sms/3/messages"))
        // Cancelled before the call: a plain cancellation, and nothing is sent.
        var early: Throwable? = null
        runBlocking {
            val job = launch {
                kotlinx.coroutines.currentCoroutineContext()[kotlinx.coroutines.Job]?.cancel()
                try {
                    client.sms().sendText("41793026727", "Hi")
                } catch (e: CancellationException) {
                    early = e
                    throw e
                }
            }
            job.join()
        }
        assertTrue(early is CancellationException && early !is SendCancellationException, "$early")
        assertEquals(listOf("POST /sms/3/messages"), Emulator.requests("/sms/3/messages"), "nothing more was sent")
    }
}
