// The loopback server every contender talks to: answers any POST with a fixed send response.
import http from 'node:http';

const body = JSON.stringify({
  bulkId: 'bench-bulk',
  messages: [
    {
      messageId: 'bench-message',
      status: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
      destination: '41793026727',
      to: '41793026727',
    },
  ],
});
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'bench' });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
