// The installed npm packages, loaded with import: a send against the emulator, then its delivery
// in the logs. Run by packaging/smoke/node.sh next to node.cjs.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import sdk, { Infobip } from 'infobip-sdk';

assert.equal(sdk.Infobip, Infobip);
const client = new Infobip(); // INFOBIP_BASE_URL, INFOBIP_API_KEY: the emulator
const sent = await client.sms.send({ messages: [{ destinations: [{ to: '41793026728' }], content: { text: 'Hello from import' } }] });
const { messageId } = sent.messages[0];
assert.ok(messageId, JSON.stringify(sent));
const deadline = Date.now() + 10_000;
for (;;) {
  const logs = [];
  for await (const log of client.sms.logs({ messageId })) logs.push(log);
  if (logs[0]?.status?.groupName === 'DELIVERED') break;
  assert.ok(Date.now() < deadline, `not delivered within 10 s: ${JSON.stringify(logs)}`);
  await sleep(50);
}
console.log(`import infobip-sdk: sent ${messageId}, delivered`);
