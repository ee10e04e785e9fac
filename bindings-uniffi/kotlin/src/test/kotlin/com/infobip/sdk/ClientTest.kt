package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The client object, its configuration, generic requests, and what is never shown. */
class ClientTest {
    @Test
    fun `a generic GET returns status, body, headers and the attempt count`() = runBlocking {
        val response = Emulator.client().request(HttpRequest(method = "GET", path = "/account/1/balance"))
        assertEquals(200.toUShort(), response.status)
        assertTrue(response.body.trimStart().startsWith("{"), response.body)
        assertEquals(1u, response.attempts)
        assertTrue(response.headers.keys.all { it == it.lowercase() }, response.headers.toString())
    }

    @Test
    fun `the four auth schemes reach the emulator`() = runBlocking {
        val schemes = listOf(
            Auth.ApiKey(Secret(Emulator.apiKey)),
            Auth.Basic(Emulator.USERNAME, Secret(Emulator.PASSWORD)),
            Auth.Ibsso(Emulator.USERNAME, Secret(Emulator.PASSWORD)),
            Auth.OAuth2(Emulator.USERNAME, Secret(Emulator.PASSWORD)),
        )
        for (auth in schemes) {
            val client = Emulator.client(auth = auth)
            val response = client.request(HttpRequest(method = "GET", path = "/account/1/balance"))
            assertEquals(200.toUShort(), response.status, auth.toString())
            client.endSession()
        }
    }

    @Test
    fun `endSession ends an IBSSO session and the client opens a new one, and close frees the native object`() = runBlocking {
        Emulator.reset()
        val client = Emulator.client(auth = Auth.Ibsso(Emulator.USERNAME, Secret(Emulator.PASSWORD)))
        client.request(HttpRequest(method = "GET", path = "/account/1/balance"))
        client.endSession()
        assertEquals(listOf("POST /auth/1/session", "DELETE /auth/1/session"), Emulator.requests("/auth/1/session"))
        client.request(HttpRequest(method = "GET", path = "/account/1/balance"))
        assertEquals(3, Emulator.requests("/auth/1/session").size, "a new session after endSession")
        client.endSession()
        client.use { }
        assertTrue(client.uniffiIsDestroyed)
        assertThrows<IllegalStateException> { runBlocking { client.endSession() } }
        Unit
    }

    @Test
    fun `the base URL is normalised by the core`() {
        val client = InfobipClient(ClientConfig(baseUrl = "${Emulator.baseUrl}/", auth = Auth.ApiKey(Secret("k"))))
        assertEquals(Emulator.baseUrl, client.baseUrl())
    }

    @Test
    fun `query parameters are sent in order and list names repeat`() = runBlocking {
        val response = Emulator.client().request(
            HttpRequest(
                method = "GET",
                path = "/sms/3/logs",
                query = listOf(QueryParam("bulkId", "a b"), QueryParam("bulkId", "c"), QueryParam("limit", "5")),
            ),
        )
        assertEquals(200.toUShort(), response.status)
    }

    @Test
    fun `an unknown method is a validation error`() {
        val error = assertThrows<InfobipException.Validation> {
            runBlocking { Emulator.client().request(HttpRequest(method = "GE T", path = "/x")) }
        }
        assertEquals("method", error.details.violations.single().property)
    }

    @Test
    fun `secrets never appear in toString of configs, auth, clients or errors`() {
        val secret = "s3cr3t-value-never-shown"
        val configs = listOf(
            Auth.ApiKey(Secret(secret)),
            Auth.Basic("user", Secret(secret)),
            Auth.Ibsso("user", Secret(secret)),
            Auth.OAuth2("client", Secret(secret)),
        ).map { ClientConfig(baseUrl = Emulator.baseUrl, auth = it) }
        for (config in configs) {
            val shown = listOf(config.toString(), config.auth.toString(), InfobipClient(config).toString())
            for (text in shown) {
                assertFalse(text.contains(secret), text)
            }
            assertTrue(config.toString().contains("***"), config.toString())
        }
        assertEquals("***", Secret(secret).toString())
        val error = assertThrows<InfobipException.Unauthorized> {
            runBlocking {
                InfobipClient(configs[1]).request(HttpRequest(method = "GET", path = "/account/1/balance"))
            }
        }
        for (text in listOf(error.toString(), error.message.orEmpty(), error.details.toString(), error.stackTraceToString())) {
            assertFalse(text.contains(secret), text)
        }
    }
}
