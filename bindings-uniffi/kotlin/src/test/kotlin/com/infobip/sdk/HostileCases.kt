package com.infobip.sdk

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.cancel
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * Hostile input for the Kotlin package, each case run in a JVM of its own (HostileTest starts
 * them). A case does one hostile thing and gives a result code: the `code` of the
 * [InfobipException] it threw, the name of another exception, or `ok`. Run as a program
 * (`HostileCases CASE URL`) it prints `HOSTILE-RESULT: <code>`; a JVM that dies on the way prints
 * nothing, which is how a crash shows.
 */
object HostileCases {
    const val KEY = "emulator-api-key"
    private const val BALANCE = "/account/1/balance"
    private const val TO = "41793026727"

    /** A case: its name, what it does, the code it must give, the requests the emulator must see, faults. */
    class Case(val name: String, val code: String, val requests: Int, val faults: List<String> = emptyList(), val run: suspend (String) -> String)

    private fun client(url: String, config: (ClientConfig) -> ClientConfig = { it }): InfobipClient =
        InfobipClient(config(ClientConfig(baseUrl = url, auth = Auth.ApiKey(Secret(KEY)))))

    private fun deep(open: String, close: String, n: Int): ByteArray = (open.repeat(n) + close.repeat(n)).toByteArray()

    private const val SEND = """{"messages":[{"destinations":[{"to":"41793026727"}],"content":{"text":"Hi"}}]}"""

    private suspend fun cancelledSend(url: String): String {
        var caught: Throwable? = null
        runBlocking {
            val job = launch {
                try {
                    client(url).sms().sendText(TO, "Hi")
                } catch (e: CancellationException) {
                    caught = e
                    throw e
                }
            }
            waitForARequest(url, "/sms/3/messages")
            job.cancelAndJoin()
        }
        val cancelled = caught as? SendCancellationException ?: return caught?.javaClass?.simpleName ?: "ok"
        return if (cancelled.bulkId != null && cancelled.messageIds.size == 1) "cancelled+ids" else "cancelled"
    }

    private suspend fun cancelledBeforeItRan(url: String): String {
        var caught: Throwable? = null
        runBlocking {
            val job = launch {
                cancel() // the coroutine is cancelled before it calls: Kotlin's already-aborted signal
                try {
                    client(url).call("send-sms-messages", """{"body":$SEND}""")
                } catch (e: CancellationException) {
                    caught = e
                    throw e
                }
            }
            job.join()
        }
        delay(300)
        return if (caught is CancellationException && caught !is SendCancellationException) "cancelled" else "$caught"
    }

    /** Polls the emulator (at most 30 s) until it has received a request under `path`. */
    private suspend fun waitForARequest(url: String, path: String) {
        val http = java.net.http.HttpClient.newHttpClient()
        val request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("$url/_emulator/requests?path=$path")).build()
        val deadline = System.nanoTime() + 30_000_000_000L
        while (System.nanoTime() < deadline) {
            val body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body()
            if (body.contains("\"method\"")) return
            delay(20)
        }
    }

    private suspend fun querySend(url: String): String {
        try {
            client(url).call(
                "send-sms-messages-over-query-parameters",
                """{"query":{"to":"$TO","text":"Hi"}}""",
                RequestOptions(timeoutMs = 300uL),
            )
        } catch (e: InfobipException.OutcomeUnknown) {
            return if (e.details.bulkId != null) "outcome_unknown+bulkId" else "outcome_unknown"
        }
        return "ok"
    }

    private fun oauth(url: String) =
        InfobipClient(ClientConfig(baseUrl = url, auth = Auth.OAuth2("emulator", Secret("emulator-password")), maxRetries = 0u))

    val cases: List<Case> = listOf(
        Case("xml_push_20000_deep", "decode", 0) { parseDeliveryReports(deep("<a>", "</a>", 20000)).toString() },
        Case("json_push_100000_deep", "decode", 0) { parseDeliveryReports(deep("[", "]", 100000)).toString() },
        Case("inbound_push_deep_objects", "decode", 0) { parseInbound(deep("{\"a\":", "}", 50000)).toString() },
        Case("garbage_push", "decode", 0) { parseDeliveryReports(byteArrayOf(-1, 0, 123, 60, -128)).toString() },
        Case("invalid_utf8_push", "decode", 0) {
            parseDeliveryReports("{\"results\":[{\"messageId\":\"".toByteArray() + byteArrayOf(-1, -2) + "\"}]}".toByteArray()).toString()
        },
        Case("timeout_max", "config", 0) { url -> client(url) { it.copy(timeoutMs = ULong.MAX_VALUE) }.toString() },
        Case("connect_timeout_max", "config", 0) { url -> client(url) { it.copy(connectTimeoutMs = ULong.MAX_VALUE) }.toString() },
        Case("call_timeout_max", "config", 0) { url ->
            client(url).request(HttpRequest(method = "GET", path = BALANCE, options = RequestOptions(timeoutMs = ULong.MAX_VALUE))).toString()
        },
        Case("max_response_bytes_zero", "config", 0) { url -> client(url) { it.copy(maxResponseBytes = 0uL) }.toString() },
        Case("crlf_in_api_key", "config", 0) { url -> InfobipClient(ClientConfig(baseUrl = url, auth = Auth.ApiKey(Secret("k\r\nX-Evil: 1")))).toString() },
        Case("crlf_in_basic_password", "config", 0) { url ->
            InfobipClient(ClientConfig(baseUrl = url, auth = Auth.Basic("u", Secret("p\r\nX: 1")))).toString()
        },
        Case("crlf_in_oauth2_secret", "config", 0) { url ->
            InfobipClient(ClientConfig(baseUrl = url, auth = Auth.OAuth2("i", Secret("s\ns")))).toString()
        },
        Case("crlf_in_user_agent_suffix", "config", 0) { url -> client(url) { it.copy(userAgentSuffix = "app\r\nX-Evil: 1") }.toString() },
        Case("crlf_in_base_url", "config", 0) { url -> InfobipClient(ClientConfig(baseUrl = "$url\r\nX: 1", auth = Auth.ApiKey(Secret(KEY)))).toString() },
        Case("crlf_in_header_parameter", "validation", 0) { url ->
            client(url).call("get-biometrics-extraction-session", """{"headers":{"X-Session-Id":"a\r\nX-Evil: b"}}""").toString()
        },
        Case("call_body_100000_deep", "validation", 0) { url ->
            client(url).call("send-sms-messages", "{\"body\":" + "[".repeat(100000) + "]".repeat(100000) + "}").toString()
        },
        Case("request_body_100000_deep", "validation", 0) { url ->
            client(url).request(HttpRequest(method = "POST", path = "/sms/3/messages", bodyJson = "{\"a\":".repeat(100000) + "1" + "}".repeat(100000))).toString()
        },
        Case("call_body_lone_surrogate", "validation", 0) { url ->
            client(url).call("send-sms-messages", """{"body":{"messages":[{"destinations":[{"to":"$TO"}],"content":{"text":"\ud800"}}]}}""").toString()
        },
        Case("call_body_nan", "validation", 0) { url -> client(url).call("send-sms-messages", """{"body":NaN}""").toString() },
        Case("gzip_bomb_answer", "decode", 1, listOf("""{"path":"$BALANCE","kind":"gzip_bomb","body":67108864}""")) { url ->
            client(url).request(HttpRequest(method = "GET", path = BALANCE)).toString()
        },
        Case("deep_json_answer", "decode", 1, listOf("""{"path":"$BALANCE","status":200,"body":"${"[".repeat(100000)}${"]".repeat(100000)}"}""")) { url ->
            client(url).call("get-account-balance").toString()
        },
        Case("garbage_answer_to_a_send", "outcome_unknown", 1, listOf("""{"path":"/sms/3/messages","status":200,"body":"\u0000 not json"}""")) { url ->
            client(url).sms().sendText(TO, "Hi").toString()
        },
        Case("query_send_against_a_delay", "outcome_unknown+bulkId", 1, listOf("""{"path":"/sms/3/text/query","kind":"delay","delayMs":1500}""")) { url ->
            querySend(url)
        },
        Case("token_endpoint_500", "auth_failed", 1, listOf("""{"path":"/auth/1/oauth2/token","status":500}""")) { url ->
            oauth(url).request(HttpRequest(method = "GET", path = BALANCE)).toString()
        },
        Case("retry_after_absurd", "rate_limited", 1, listOf("""{"path":"$BALANCE","status":429,"headers":{"Retry-After":"99999999999999999999999"}}""")) { url ->
            client(url).request(HttpRequest(method = "GET", path = BALANCE)).toString()
        },
        Case("cancelled_during_a_send", "cancelled+ids", 1, listOf("""{"path":"/sms/3/messages","kind":"delay","delayMs":3000}""")) { url ->
            cancelledSend(url)
        },
        Case("cancelled_before_it_ran", "cancelled", 0) { url -> cancelledBeforeItRan(url) },
        Case("a_panic_in_the_core", "internal", 0) { _ -> testPanic(true).toString() },
    )

    /** Runs one case and prints its result code. */
    @JvmStatic
    fun main(args: Array<String>) {
        val (name, url) = args
        val case = cases.single { it.name == name }
        val special = setOf("cancelled+ids", "cancelled", "outcome_unknown+bulkId", "outcome_unknown")
        val code = try {
            runBlocking { case.run(url) }.let { if (it in special) it else "ok" }
        } catch (e: InfobipException) {
            e.details().code
        } catch (e: Throwable) {
            e.javaClass.simpleName
        }
        println("HOSTILE-RESULT: $code")
        System.out.flush()
    }
}
