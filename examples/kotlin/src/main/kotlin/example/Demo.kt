// Sends SMS, waits for their delivery reports on a webhook receiver of our own, pages the logs and
// handles a rate-limit error.
//
//   bindings-uniffi/generate.sh      # builds libinfobip_uniffi and generates the Kotlin sources
//   cd examples/kotlin && INFOBIP_BASE_URL=... INFOBIP_API_KEY=... mvn -q compile exec:exec
//
// Against the emulator: `cargo run -p infobip-emulator -- --port 0` prints the URL and the key
// (or run `./x demo`, which does all of it).
package example

import com.infobip.sdk.InfobipClient
import com.infobip.sdk.InfobipException
import com.infobip.sdk.SmsContent
import com.infobip.sdk.SmsDeliveryReport
import com.infobip.sdk.SmsDeliveryWebhook
import com.infobip.sdk.SmsDestination
import com.infobip.sdk.SmsLogsFilter
import com.infobip.sdk.SmsMessage
import com.infobip.sdk.SmsRequest
import com.infobip.sdk.SmsWebhooks
import com.infobip.sdk.parseDeliveryReports
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import java.net.HttpURLConnection
import java.net.InetSocketAddress
import java.net.URI
import java.util.Locale
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import kotlin.system.exitProcess
import com.infobip.sdk.HttpRequest as InfobipRequest

val DESTINATIONS = listOf("41793026727", "41793026728", "41793026729")

fun main(): Unit = runBlocking {
    val started = System.nanoTime()

    // 1. A webhook receiver for delivery reports, on a free local port.
    val reports = LinkedBlockingQueue<SmsDeliveryReport>()
    val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    server.createContext("/delivery-reports") { exchange ->
        exchange.use {
            val status = try {
                reports.addAll(parseDeliveryReports(it.requestBody.readBytes()))
                204 // anything but 2xx makes Infobip push it again later
            } catch (e: InfobipException) {
                400 // not a delivery report
            }
            it.sendResponseHeaders(status, -1)
        }
    }
    server.start()
    val webhookUrl = "http://127.0.0.1:${server.address.port}/delivery-reports"

    val client = InfobipClient.fromEnv() // INFOBIP_BASE_URL, INFOBIP_API_KEY
    val sms = client.sms()

    // 2. Send one message per destination, each reporting to the receiver.
    val messages = DESTINATIONS.map { to ->
        SmsMessage(
            destinations = listOf(SmsDestination(to = to)),
            content = SmsContent.Text(text = "Hello from infobip-sdk"),
            sender = "InfoSMS",
            webhooks = SmsWebhooks(delivery = SmsDeliveryWebhook(url = webhookUrl)),
        )
    }
    val sent = sms.send(SmsRequest(messages = messages))
    val bulkId = sent.bulkId ?: ""
    println("sent ${sent.messages.size} messages in bulk $bulkId")

    // 3. Wait for every delivery report (at most 30 s).
    val delivered = mutableSetOf<String>()
    val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (delivered.size < sent.messages.size) {
        val report = reports.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) ?: break
        val group = report.status?.groupName
        println("report: ${report.messageId} $group")
        if (group == "DELIVERED") delivered += report.messageId ?: ""
    }

    // 4. Page the logs of the bulk, two per page, following the cursor (at most 100 pages).
    var logged = 0
    var cursor: String? = null
    var pages = 0
    do {
        val page = sms.logsPage(SmsLogsFilter(bulkIds = listOf(bulkId), limit = 2u), cursor)
        logged += page.results.size
        cursor = page.nextCursor
        pages++
    } while (cursor != null && pages < 100)

    // 5. Handle a rate-limit error.
    provokeRateLimitOnEmulator("/account/1/balance")
    try {
        val balance = client.request(InfobipRequest(method = "GET", path = "/account/1/balance"))
        println("balance: ${balance.body}")
    } catch (e: InfobipException.RateLimited) {
        val seconds = (e.details.retryAfterMs ?: 0uL).toLong() / 1000.0
        println("rate limited: the API asks to wait $seconds s; try again later")
    }

    server.stop(0)
    val seconds = (System.nanoTime() - started) / 1e9
    println(
        "summary: kotlin: sent ${sent.messages.size}, delivered ${delivered.size}, logged $logged, " +
            String.format(Locale.ROOT, "%.2f s", seconds),
    )
    exitProcess(if (delivered.size == sent.messages.size) 0 else 1)
}

/**
 * Only against the local emulator: ask it to answer the next call to `path` with a 429 and a long
 * Retry-After, as the real API does when an account goes over a rate limit.
 */
fun provokeRateLimitOnEmulator(path: String) {
    val baseUrl = System.getenv("INFOBIP_BASE_URL").orEmpty().trimEnd('/')
    if (!Regex("""http://(127\.0\.0\.1|localhost)(:\d+)?""").matches(baseUrl)) return
    val fault = """{"path": "$path", "status": 429, "headers": {"Retry-After": "600"}}"""
    val connection = URI.create("$baseUrl/_emulator/faults").toURL().openConnection() as HttpURLConnection
    connection.requestMethod = "POST"
    connection.doOutput = true
    connection.setRequestProperty("Content-Type", "application/json")
    connection.outputStream.use { it.write(fault.toByteArray()) }
    check(connection.responseCode == 200) { "the emulator refused the fault: ${connection.responseCode}" }
    connection.disconnect()
}
