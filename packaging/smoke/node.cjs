// The installed npm packages, loaded with require(): a send against the emulator and its report.
// Run by packaging/smoke/node.sh from a directory where only the two tarballs were installed.
const assert = require('node:assert/strict');
const { Infobip, InfobipError } = require('infobip-sdk');

(async () => {
  assert.match(require.resolve('infobip-sdk'), /node_modules[\\/]infobip-sdk[\\/]/);
  const client = new Infobip(); // INFOBIP_BASE_URL, INFOBIP_API_KEY: the emulator
  const sent = await client.sms.send({ messages: [{ destinations: [{ to: '41793026727' }], content: { text: 'Hello from require' } }] });
  const [message] = sent.messages;
  assert.ok(message.messageId, JSON.stringify(sent));
  assert.equal(message.status?.groupName, 'PENDING');
  const refused = await client.sms.send({ messages: [] }).catch((e) => e);
  assert.ok(refused instanceof InfobipError, String(refused));
  console.log(`require(infobip-sdk): sent ${message.messageId}, refused an empty send (${refused.constructor.name})`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
