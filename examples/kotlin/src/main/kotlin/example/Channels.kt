// Sends a WhatsApp template message, then an email (Email API v4, JSON), with the typed methods
// generated from Infobip's specs, and prints the typed results.
//
//   bindings-uniffi/test.sh          # or: bindings-uniffi/generate.sh, then mvn install in bindings-uniffi/kotlin
//   cd examples/kotlin && INFOBIP_BASE_URL=... INFOBIP_API_KEY=... mvn -q compile exec:exec -Dexample=example.ChannelsKt
package example

import com.infobip.sdk.InfobipClient
import com.infobip.sdk.email.EmailGroupDestination
import com.infobip.sdk.email.EmailMessage
import com.infobip.sdk.email.EmailMessageContent
import com.infobip.sdk.email.EmailRequest
import com.infobip.sdk.email.EmailToDestination
import com.infobip.sdk.whatsapp.BulkMessage
import com.infobip.sdk.whatsapp.FailoverMessage
import com.infobip.sdk.whatsapp.TemplateBodyContent
import com.infobip.sdk.whatsapp.TemplateContent
import com.infobip.sdk.whatsapp.TemplateDataContent
import kotlinx.coroutines.runBlocking
import kotlin.system.exitProcess

fun main(): Unit = runBlocking {
    val client = InfobipClient.fromEnv() // INFOBIP_BASE_URL, INFOBIP_API_KEY

    // 1. A WhatsApp template message: client.whatsapp(), one method per operation id.
    val template = TemplateContent(
        templateName = "welcome_message",
        language = "en",
        templateData = TemplateDataContent(body = TemplateBodyContent(placeholders = listOf("Ada"))),
    )
    val whatsapp = client.whatsapp().sendWhatsappTemplateMessage(
        BulkMessage(messages = listOf(FailoverMessage(from = "441134960000", to = "441134960001", content = template))),
    )
    for (message in whatsapp.messages) {
        println("whatsapp: ${message.messageId} to ${message.to}: ${message.status?.groupName} ${message.status?.name}")
    }
    println("whatsapp: HTTP ${whatsapp.httpResponse?.status}, request id ${whatsapp.httpResponse?.requestId}")

    // 2. An email with the v4 JSON API.
    val email = client.email().sendEmailMessagesApi(
        EmailRequest(
            messages = listOf(
                EmailMessage(
                    sender = "Infobip SDK <sdk@example.com>",
                    destinations = listOf(EmailGroupDestination(to = listOf(EmailToDestination(destination = "ada@example.com")))),
                    content = EmailMessageContent(subject = "Welcome", text = "Hello Ada, welcome aboard."),
                ),
            ),
        ),
    )
    for (message in email.messages) {
        println("email: ${message.messageId} to ${message.destination}: ${message.status?.groupName} ${message.status?.name}")
    }
    println("email: bulk ${email.bulkId}, HTTP ${email.httpResponse?.status}")

    println("summary: kotlin channels: whatsapp ${whatsapp.messages.size}, email ${email.messages.size}")
    exitProcess(if (whatsapp.messages.isNotEmpty() && email.messages.isNotEmpty()) 0 else 1)
}
