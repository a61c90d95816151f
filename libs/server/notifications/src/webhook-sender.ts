import { createHmac } from 'node:crypto';
import { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { ResolvedTarget } from './webhook-address';

export const SIGNATURE_HEADER = 'Cascade-Signature';

/** HMAC-SHA256 over `${timestamp}.${body}`, hex: what the `v1=` part of the signature header carries. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface WebhookRequest {
  deliveryId: string;
  event: string;
  body: string;
  secret: string;
  timeoutMs: number;
}

export interface WebhookOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one signed delivery to an already checked address. The connection goes to that
 * address, not to a fresh lookup, so a DNS answer that changes between check and connect
 * cannot point the request somewhere else. Redirects are not followed (they count as failures).
 */
export function postWebhook(target: ResolvedTarget, request: WebhookRequest): Promise<WebhookOutcome> {
  const started = Date.now();
  const timestamp = Math.floor(started / 1000);
  const signature = webhookSignature(request.secret, timestamp, request.body);
  const { address, family } = target.addresses[0];
  const all: LookupAddress[] = target.addresses;
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const finish = (outcome: Omit<WebhookOutcome, 'durationMs'>) =>
      resolve({ ...outcome, durationMs: Date.now() - started });
    const req = client.request(
      target.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'Cascade-Webhooks/1',
          'cascade-delivery': request.deliveryId,
          'cascade-event': request.event,
          'cascade-timestamp': String(timestamp),
          [SIGNATURE_HEADER.toLowerCase()]: `t=${timestamp},v1=${signature}`,
        },
        timeout: request.timeoutMs,
        lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
          // Node asks for every address when it races IPv4 and IPv6; all of them were checked.
          if (options?.all) callback(null, all);
          else callback(null, address, family);
        }) as never,
      },
      (res) => {
        // Drain the answer so the socket is freed; only the status matters.
        res.resume();
        res.on('end', () => {
          const statusCode = res.statusCode ?? 0;
          const ok = statusCode >= 200 && statusCode < 300;
          finish({ ok, statusCode, error: ok ? null : `answered ${statusCode}` });
        });
        res.on('error', (error) => finish({ ok: false, statusCode: res.statusCode ?? null, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)));
    req.on('error', (error) => finish({ ok: false, statusCode: null, error: error.message }));
    req.end(request.body);
  });
}
