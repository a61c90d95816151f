import { isBlockedAddress, resolveWebhookTarget, WebhookAddressError } from './webhook-address';
import { webhookSignature } from './webhook-sender';

describe('webhook addresses', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])('allows %s', (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );

  it('refuses other schemes and credentials, and private literals unless allowed', async () => {
    await expect(resolveWebhookTarget('ftp://93.184.215.14/x', false)).rejects.toThrow(WebhookAddressError);
    await expect(resolveWebhookTarget('https://user:pw@93.184.215.14/x', false)).rejects.toThrow(/credentials/);
    await expect(resolveWebhookTarget('http://127.0.0.1:9/x', false)).rejects.toThrow(/not allowed/);
    const allowed = await resolveWebhookTarget('http://127.0.0.1:9/x', true);
    expect(allowed.addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
    const v6 = await resolveWebhookTarget('https://[2606:4700::1111]/in', false);
    expect(v6.addresses).toEqual([{ address: '2606:4700::1111', family: 6 }]);
  });
});

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(webhookSignature('whsec_test', 1700000000, '{"a":1}')).toBe(
      '38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });
});
