package com.infobip.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** 2FA: application, template, PIN sent by SMS, verified wrong then right. */
class TfaTest {
    private val tfa = Emulator.client().tfa()

    @BeforeEach
    fun reset() = Emulator.reset()

    @Test
    fun `a PIN is sent and verified`() = runBlocking {
        val app = tfa.createApplication(
            TfaApplicationRequest(
                name = "kotlin-test",
                enabled = true,
                configuration = TfaApplicationConfiguration(pinAttempts = 5, pinTimeToLive = "10m"),
            ),
        )
        val appId = checkNotNull(app.applicationId)
        assertEquals("kotlin-test", tfa.application(appId).name)
        assertTrue(tfa.applications().any { it.applicationId == appId })

        val template = tfa.createTemplate(
            appId,
            TfaTemplateRequest(pinType = "NUMERIC", messageText = "Your code is {{pin}}", pinLength = 6, senderId = "InfoSMS"),
        )
        val msgId = checkNotNull(template.messageId)
        assertEquals(6, tfa.template(appId, msgId).pinLength)
        assertTrue(tfa.templates(appId).any { it.messageId == msgId })

        val sent = tfa.sendPinSms(TfaSendPinRequest(applicationId = appId, messageId = msgId, to = "41793026727"))
        val pinId = checkNotNull(sent.pinId)
        assertEquals("MESSAGE_SENT", sent.smsStatus)
        val pin = Emulator.pin(pinId)
        assertEquals(6, pin.length)

        val wrong = tfa.verifyPin(pinId, if (pin == "000000") "111111" else "000000")
        assertEquals(false, wrong.verified)
        assertEquals("WRONG_PIN", wrong.pinError)
        assertEquals(4, wrong.attemptsRemaining)

        val right = tfa.verifyPin(pinId, pin)
        assertEquals(true, right.verified)
        assertEquals("41793026727", right.msisdn)

        val verifications = tfa.verifications(appId, "41793026727")
        assertTrue(verifications.any { it.verified == true }, verifications.toString())
    }

    @Test
    fun `a template without the pin placeholder is refused before sending`() {
        val error = assertThrows<InfobipException.Validation> {
            runBlocking { tfa.createTemplate("app", TfaTemplateRequest(pinType = "NUMERIC", messageText = "no placeholder")) }
        }
        assertEquals("messageText", error.details.violations.single().property)
    }

    @Test
    fun `an unknown PIN id is not found`() {
        assertThrows<InfobipException.NotFound> { runBlocking { tfa.verifyPin("no-such-pin", "1234") } }
    }

    @Test
    fun `email templates and PINs by email`() = runBlocking {
        val appId = checkNotNull(tfa.createApplication(TfaApplicationRequest(name = "kotlin-email")).applicationId)
        val template = tfa.createEmailTemplate(
            appId,
            TfaEmailTemplateRequest(pinType = "NUMERIC", pinLength = 4, from = "sender@example.com", emailTemplateId = 1),
        )
        val msgId = checkNotNull(template.messageId)
        val updated = tfa.updateEmailTemplate(appId, msgId, TfaEmailTemplateRequest(pinLength = 6, emailTemplateId = 1))
        assertEquals(msgId, updated.messageId)
        val sent = tfa.sendPinEmail(TfaSendEmailPinRequest(applicationId = appId, messageId = msgId, to = "someone@example.com"))
        val pinId = checkNotNull(sent.pinId)
        val resent = tfa.resendPinEmail(pinId, TfaResendEmailPinRequest())
        assertEquals(pinId, resent.pinId)
        assertEquals(true, tfa.verifyPin(pinId, Emulator.pin(pinId)).verified)
        val paths = Emulator.requests("/2fa/2/")
        assertTrue(paths.contains("POST /2fa/2/pin/email"), paths.toString())
        assertTrue(paths.contains("POST /2fa/2/pin/$pinId/resend/email"), paths.toString())
    }
}
