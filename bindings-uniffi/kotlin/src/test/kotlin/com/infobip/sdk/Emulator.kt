package com.infobip.sdk

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * The `infobip-emulator` binary, started once per test JVM on a free loopback port and stopped
 * when the JVM exits. Its admin API (`/_emulator/...`) is reached with the JDK's HTTP client.
 */
object Emulator {
    /** `Infobip emulator listening on http://127.0.0.1:PORT (API key: KEY)` */
    private val LISTENING = Regex("""^Infobip emulator listening on (http://127\.0\.0\.1:\d+) \(API key: (\S+)\)$""")

    /** The key the default configuration gives no SMS scopes (to provoke 403s). */
    const val LIMITED_API_KEY = "emulator-limited-key"
    const val USERNAME = "emulator"
    const val PASSWORD = "emulator-password"

    val baseUrl: String
    val apiKey: String
    private val http: HttpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    init {
        val attachTo = System.getProperty("infobip.emulator.url")
        if (attachTo != null) {
            // bench.sh runs one emulator for the Rust and the Kotlin figures.
            baseUrl = attachTo
            apiKey = System.getProperty("infobip.emulator.key") ?: error("infobip.emulator.key is not set")
        } else {
            val binary = System.getProperty("infobip.emulator") ?: error("system property infobip.emulator is not set")
            val started = ProcessBuilder(binary, "--port", "0", "--delivery-delay-ms", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start()
            Runtime.getRuntime().addShutdownHook(Thread {
                started.destroy()
                started.waitFor(5, TimeUnit.SECONDS)
            })
            val reader = BufferedReader(InputStreamReader(started.inputStream))
            val line = reader.readLine() ?: error("the emulator exited before printing its address")
            val match = LISTENING.matchEntire(line.trim()) ?: error("unexpected emulator line: $line")
            baseUrl = match.groupValues[1]
            apiKey = match.groupValues[2]
            // Keep draining stdout so the emulator never blocks on a full pipe.
            Thread({ reader.useLines { lines -> lines.forEach { _ -> } } }, "emulator-stdout").apply {
                isDaemon = true
                start()
            }
        }
    }

    /** A client of the emulator with the primary API key and no retries unless given. */
    fun client(maxRetries: UInt = 0u, timeoutMs: ULong? = null, auth: Auth? = null): InfobipClient =
        InfobipClient(
            ClientConfig(
                baseUrl = baseUrl,
                auth = auth ?: Auth.ApiKey(Secret(apiKey)),
                maxRetries = maxRetries,
                timeoutMs = timeoutMs,
            ),
        )

    /** Forgets messages, sessions, faults and recorded requests. */
    fun reset() {
        admin("POST", "/reset", "{}")
    }

    /** Queues one fault (the admin API's JSON shape: status, body, headers, kind, path, count, delayMs). */
    fun fault(json: String) {
        admin("POST", "/faults", json)
    }

    /** Makes every pending delivery report due now. */
    fun flushReports(): Int = admin("POST", "/reports/flush", "{}").jsonObject["flushed"]!!.jsonPrimitive.content.toInt()

    /** Injects an inbound SMS. */
    fun injectInbound(from: String, to: String, text: String): JsonObject =
        admin("POST", "/inbound", """{"from":"$from","to":"$to","text":"$text"}""").jsonObject

    /** The recorded API requests whose path starts with `prefix`, as `METHOD /path` lines. */
    fun requests(prefix: String): List<String> =
        admin("GET", "/requests?path=" + java.net.URLEncoder.encode(prefix, Charsets.UTF_8), null)
            .jsonObject["requests"]!!.jsonArray
            .map { it.jsonObject["method"]!!.jsonPrimitive.content + " " + it.jsonObject["path"]!!.jsonPrimitive.content }

    /** One API request the emulator received. */
    data class Recorded(val method: String, val path: String, val query: String, val body: String)

    /** Every API request the emulator received since the last reset, oldest first. */
    fun recorded(): List<Recorded> = admin("GET", "/requests", null).jsonObject["requests"]!!.jsonArray.map {
        val request = it.jsonObject
        fun text(key: String) = request[key]?.jsonPrimitive?.content.orEmpty()
        Recorded(text("method"), text("path"), text("query"), text("body"))
    }

    /** The PIN the emulator sent for a 2FA pin id. */
    fun pin(pinId: String): String = admin("GET", "/2fa/pins/$pinId", null).jsonObject["pin"]!!.jsonPrimitive.content

    private fun admin(method: String, path: String, body: String?): JsonElement {
        val request = HttpRequest.newBuilder(URI.create("$baseUrl/_emulator$path"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .method(method, body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() == 200) { "admin $method $path: ${response.statusCode()} ${response.body()}" }
        return Json.parseToJsonElement(response.body())
    }
}
