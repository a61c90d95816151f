import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolveWebhookTarget } from './webhook-address';
import { postWebhook, webhookSignature } from './webhook-sender';

describe('postWebhook', () => {
  let server: Server;
  let port: number;
  let seen: { headers: IncomingHttpHeaders; body: string } | null = null;
  let status = 204;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen = { headers: req.headers, body };
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const send = async (url: string) =>
    postWebhook(await resolveWebhookTarget(url, true), {
      deliveryId: 'd-1',
      event: 'exam.assigned',
      body: '{"x":"测试"}',
      secret: 'whsec_spec',
      timeoutMs: 2000,
    });

  it('connects to the checked address of a host name and signs the body', async () => {
    status = 204;
    const outcome = await send(`http://localhost:${port}/in`);
    expect(outcome).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(seen?.body).toBe('{"x":"测试"}');
    expect(seen?.headers.host).toBe(`localhost:${port}`);
    const t = Number(seen?.headers['cascade-timestamp']);
    expect(seen?.headers['cascade-signature']).toBe(`t=${t},v1=${webhookSignature('whsec_spec', t, '{"x":"测试"}')}`);
    expect(seen?.headers['cascade-delivery']).toBe('d-1');
  });

  it('connects only to the checked address, keeping the name in the Host header', async () => {
    status = 204;
    // `.invalid` never resolves: the request can only have reached the receiver through the checked address.
    const target = {
      url: new URL(`http://hooks.cascade.invalid:${port}/in`),
      addresses: [{ address: '127.0.0.1', family: 4 as const }],
    };
    const outcome = await postWebhook(target, {
      deliveryId: 'd-2',
      event: 'exam.assigned',
      body: '{}',
      secret: 'whsec_spec',
      timeoutMs: 2000,
    });
    expect(outcome).toMatchObject({ ok: true, statusCode: 204 });
    expect(seen?.headers.host).toBe(`hooks.cascade.invalid:${port}`);
    expect(seen?.headers['cascade-delivery']).toBe('d-2');
  });

  it('reports a non-2xx answer and a refused connection as failures', async () => {
    status = 302;
    expect(await send(`http://127.0.0.1:${port}/in`)).toMatchObject({ ok: false, statusCode: 302 });
    const closed = await send('http://127.0.0.1:1/in');
    expect(closed).toMatchObject({ ok: false, statusCode: null });
    expect(closed.error).toMatch(/ECONNREFUSED/);
  });
});
