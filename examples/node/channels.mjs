// @ts-check
// Sends a WhatsApp template message, then an Email (v4 JSON API), with the generated methods, and
// prints their typed results.
//
//   cd examples/node && npm install
//   INFOBIP_BASE_URL=... INFOBIP_API_KEY=... node channels.mjs
import { Infobip } from 'infobip-sdk';

async function main() {
  const client = new Infobip(); // INFOBIP_BASE_URL, INFOBIP_API_KEY

  const whatsapp = await client.whatsapp.sendWhatsappTemplateMessage({
    messages: [
      {
        from: '441134960000',
        to: '441134960001',
        content: { templateName: 'welcome', templateData: { body: { placeholders: ['Ana'] } }, language: 'en' },
      },
    ],
  });
  const first = whatsapp.messages?.[0];
  console.log(`whatsapp: ${first?.messageId} ${first?.status?.groupName} (HTTP ${whatsapp.$response.status})`);

  const email = await client.email.sendEmailMessagesApi({
    messages: [
      {
        sender: 'jenny.smith@company.com',
        destinations: [{ to: [{ destination: 'john.smith@company.com' }] }],
        content: { subject: 'Hello', text: 'Hello from infobip-sdk' },
      },
    ],
  });
  console.log(`email: ${email.messages?.length} message(s), request ${email.$response.requestId}`);
  await client.close();
}

await main();
