package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** `call(operationId, paramsJson)` and the catalog. */
class CatalogTest {
    private val client = Emulator.client()

    @Test
    fun `the catalog lists operations with their scopes`() {
        val all = operations()
        assertTrue(all.size > 100, "${all.size} operations")
        val logs = all.single { it.id == "get-outbound-sms-message-logs-v3" }
        assertEquals("GET", logs.method)
        assertEquals("/sms/3/logs", logs.path)
        assertEquals(logs.scopes, requiredScopes("get-outbound-sms-message-logs-v3"))
        assertNull(requiredScopes("no-such-operation"))
    }

    @Test
    fun `any operation is called by id`() = runBlocking {
        val balance = client.call("get-account-balance")
        assertEquals(200.toUShort(), balance.status)
        val preview = client.call("preview-sms-message", """{"body":{"text":"Hello"}}""")
        assertTrue(preview.body.decodeToString().contains("previews"), preview.body.decodeToString())
        val logs = client.call("get-outbound-sms-message-logs-v3", """{"query":{"limit":5,"bulkId":["a","b"]}}""")
        assertEquals(200.toUShort(), logs.status)
    }

    @Test
    fun `unknown operations and bad parameters are refused before sending`() {
        assertThrows<InfobipException> { runBlocking { client.call("no-such-operation") } }
        val error = assertThrows<InfobipException.Validation> { runBlocking { client.call("get-account-balance", "{nope") } }
        assertEquals("paramsJson", error.details.violations.single().property)
    }
}
