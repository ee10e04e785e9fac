package com.infobip.sdk

import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.io.BufferedReader
import java.io.InputStreamReader
import java.io.InputStream
import java.io.OutputStream
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.Socket
import java.nio.file.Files
import java.nio.file.Path
import java.util.Collections
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread

private const val PASSWORD = "kotlin-proxy-hunter2"
private const val BALANCE = "/account/1/balance"

/**
 * A proxy on 127.0.0.1 that records each request head, tunnels `CONNECT` and forwards
 * absolute-form requests, to loopback targets only.
 */
class RecordingProxy : AutoCloseable {
    private val server = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    val heads: MutableList<String> = Collections.synchronizedList(mutableListOf())
    val url = "http://user:$PASSWORD@127.0.0.1:${server.localPort}"

    init {
        thread(isDaemon = true, name = "recording-proxy") {
            while (!server.isClosed) {
                val client = runCatching { server.accept() }.getOrNull() ?: break
                thread(isDaemon = true) { runCatching { relay(client) }; client.close() }
            }
        }
    }

    private fun relay(client: Socket) {
        val input = client.getInputStream()
        val head = StringBuilder()
        while (!head.endsWith("\r\n\r\n") && head.length < 16384) {
            val byte = input.read()
            if (byte < 0) return
            head.append(byte.toChar())
        }
        heads.add(head.toString())
        val (method, target) = head.split(" ").let { it[0] to it[1] }
        val authority = if (method == "CONNECT") target else target.removePrefix("http://").substringBefore('/')
        val host = authority.substringBeforeLast(':')
        if (host != "127.0.0.1" && host != "localhost") {
            client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n".toByteArray())
            return
        }
        Socket(host, authority.substringAfterLast(':').toInt()).use { upstream ->
            if (method == "CONNECT") {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".toByteArray())
            } else {
                upstream.getOutputStream().write(head.toString().toByteArray(Charsets.ISO_8859_1))
            }
            val back = thread(isDaemon = true) { pump(upstream.getInputStream(), client.getOutputStream()) }
            pump(input, upstream.getOutputStream())
            back.join(10_000)
        }
    }

    private fun pump(from: InputStream, to: OutputStream) {
        runCatching { from.copyTo(to) }
        runCatching { to.close() }
    }

    override fun close() = server.close()
}

/** The emulator binary with `--tls --tls-client-auth`, for this class's tests. */
private class TlsEmulator : AutoCloseable {
    val dir: Path = Files.createTempDirectory("infobip-tls")
    private val process: Process
    val baseUrl: String

    init {
        val binary = System.getProperty("infobip.emulator") ?: error("system property infobip.emulator is not set")
        process = ProcessBuilder(binary, "--port", "0", "--tls", "--tls-client-auth", "--tls-dir", dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        val reader = BufferedReader(InputStreamReader(process.inputStream))
        // The listening line, perhaps other lines, then where the CA is (at most 5 lines).
        val lines = mutableListOf<String>()
        while (lines.size < 5) {
            val line = reader.readLine() ?: break
            lines.add(line)
            if (line.startsWith("TLS CA certificate: ")) break
        }
        baseUrl = Regex("""^Infobip emulator listening on (https://127\.0\.0\.1:\d+) \(API key: \S+\)$""")
            .matchEntire(lines.first())?.groupValues?.get(1) ?: error("unexpected emulator line: $lines")
        assertEquals("TLS CA certificate: ${dir.resolve("ca.pem")}", lines.last())
    }

    fun config(
        caCertificates: PemSource? = PemSource.File(dir.resolve("ca.pem").toString()),
        clientCertificate: ClientCertificate? = ClientCertificate(
            PemSource.File(dir.resolve("client.pem").toString()),
            KeySource.Text(Secret(Files.readString(dir.resolve("client-key.pem")))),
        ),
        proxy: String? = null,
    ) = ClientConfig(
        baseUrl = baseUrl,
        auth = Auth.ApiKey(Secret("emulator-api-key")),
        maxRetries = 0u,
        proxy = proxy?.let { Secret(it) },
        caCertificates = caCertificates,
        clientCertificate = clientCertificate,
    )

    override fun close() {
        process.destroy()
        process.waitFor(5, TimeUnit.SECONDS)
    }
}

/** A proxy, the CA of the emulator's `--tls`, a client certificate, and paging that cannot spin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkTest {
    private val proxy = RecordingProxy()
    private val tls = TlsEmulator()

    @AfterAll
    fun stop() {
        proxy.close()
        tls.close()
    }

    @Test
    fun `a proxy sees the requests with its credentials and noProxy bypasses it`() = runBlocking {
        proxy.heads.clear()
        val config = ClientConfig(baseUrl = Emulator.baseUrl, auth = Auth.ApiKey(Secret(Emulator.apiKey)), proxy = Secret(proxy.url))
        assertFalse(config.toString().contains(PASSWORD), config.toString())
        val response = InfobipClient(config).request(HttpRequest(method = "GET", path = BALANCE))
        assertEquals(200.toUShort(), response.status)
        assertEquals(1, proxy.heads.size)
        assertTrue(proxy.heads[0].startsWith("GET ${Emulator.baseUrl}$BALANCE HTTP/1.1\r\n"), proxy.heads[0])
        // Basic base64("user:kotlin-proxy-hunter2").
        assertTrue(proxy.heads[0].lowercase().contains("proxy-authorization: basic dxnlcjprb3rsaw4tchjvehktahvudgvymg=="), proxy.heads[0])

        InfobipClient(config.copy(noProxy = "127.0.0.1")).request(HttpRequest(method = "GET", path = BALANCE))
        assertEquals(1, proxy.heads.size, "noProxy bypassed the proxy")
    }

    @Test
    fun `mutual TLS through a proxy with the emulator CA, and clear connection errors without it`() = runBlocking {
        proxy.heads.clear()
        val inline = PemSource.Text(Files.readString(tls.dir.resolve("ca.pem")))
        for (ca in listOf(tls.config().caCertificates, inline)) {
            val client = InfobipClient(tls.config(caCertificates = ca, proxy = proxy.url))
            assertEquals(200.toUShort(), client.request(HttpRequest(method = "GET", path = BALANCE)).status)
        }
        val authority = tls.baseUrl.removePrefix("https://")
        assertEquals(listOf("CONNECT $authority HTTP/1.1", "CONNECT $authority HTTP/1.1"), proxy.heads.map { it.lines().first() })

        val untrusted = assertThrows<InfobipException.Connection> {
            runBlocking { InfobipClient(tls.config(caCertificates = null)).request(HttpRequest(method = "GET", path = BALANCE)) }
        }
        assertTrue(untrusted.details.message.contains("UnknownIssuer"), untrusted.details.message)
        val anonymous = assertThrows<InfobipException.Connection> {
            runBlocking { InfobipClient(tls.config(clientCertificate = null)).request(HttpRequest(method = "GET", path = BALANCE)) }
        }
        assertTrue(anonymous.details.message.contains("client certificate"), anonymous.details.message)
        val missing = assertThrows<InfobipException.Config> {
            InfobipClient(tls.config(caCertificates = PemSource.File("/nonexistent/ca.pem")))
        }
        assertTrue(missing.details.message.contains("/nonexistent/ca.pem"), missing.details.message)
        Unit
    }

    @Test
    fun `logs end with a Decode error naming the cursor when the server repeats it`() = runBlocking {
        val paths = Collections.synchronizedList(mutableListOf<String>())
        val server = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext("/") { exchange ->
            paths.add(exchange.requestURI.toString())
            val body = """{"results":[{"messageId":"m${paths.size}"}],"cursor":{"nextCursor":"again"}}""".toByteArray()
            exchange.responseHeaders.add("Content-Type", "application/json")
            exchange.sendResponseHeaders(200, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        server.start()
        try {
            val client = InfobipClient(
                ClientConfig(baseUrl = "http://127.0.0.1:${server.address.port}", auth = Auth.ApiKey(Secret("k"))),
            )
            val logs = client.sms().logs(SmsLogsFilter(limit = 1u))
            val seen = mutableListOf<String?>()
            val error = assertThrows<InfobipException.Decode> {
                runBlocking {
                    while (seen.size < 100) {
                        val log = logs.next() ?: break
                        seen.add(log.messageId)
                    }
                }
            }
            assertEquals(listOf("m1", "m2"), seen)
            assertTrue(error.details.message.contains("\"again\""), error.details.message)
            assertEquals(2, paths.size)
            assertTrue(paths[1].endsWith("cursor=again"), paths[1])
        } finally {
            server.stop(0)
        }
    }
}
