import ipaddr from 'ipaddr.js';
import { embeddedIPv4, isBlockedAddress, resolveWebhookTarget, WebhookAddressError } from './webhook-address';
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
    '192.0.2.1',
    '198.18.0.1',
    '255.255.255.255',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '2a00:1450:4001:80b::200e'])(
    'allows %s',
    (address) => expect(isBlockedAddress(address)).toBe(false),
  );

  // Each IPv6 form that reaches an IPv4 address is judged as that address.
  it.each([
    ['NAT64 to loopback', '[64:ff9b::7f00:1]'],
    ['NAT64 to the metadata service', '[64:ff9b::a9fe:a9fe]'],
    ['local-use NAT64', '[64:ff9b:1::5db8:d70e]'],
    ['IPv4-compatible loopback', '[::127.0.0.1]'],
    ['IPv4-mapped loopback', '[::ffff:127.0.0.1]'],
    ['IPv4-translated loopback', '[::ffff:0:127.0.0.1]'],
    ['6to4 of loopback', '[2002:7f00:1::]'],
    ['6to4 of a private address', '[2002:c0a8:101::1]'],
    ['Teredo with a loopback server', '[2001::7f00:1]'],
    ['Teredo with a public server and a private client', '[2001:0:5db8:d70e::f5ff:fefe]'],
    ['the discard prefix', '[100::1]'],
    ['documentation', '[2001:db8::1]'],
    ['benchmarking', '[2001:2::1]'],
    ['site-local', '[fec0::1]'],
  ])('refuses %s: %s', async (_form, host) => {
    await expect(resolveWebhookTarget(`https://${host}/in`, false)).rejects.toThrow(/not allowed/);
  });

  it.each([
    ['NAT64 to a public address', '[64:ff9b::5db8:d70e]', '64:ff9b::5db8:d70e'],
    ['IPv4-mapped public address', '[::ffff:93.184.215.14]', '::ffff:5db8:d70e'],
    ['6to4 of a public address', '[2002:5db8:d70e::1]', '2002:5db8:d70e::1'],
    // Server 93.184.215.14, client 8.8.8.8 (stored inverted: f7f7:f7f7).
    ['Teredo between public addresses', '[2001:0:5db8:d70e::f7f7:f7f7]', '2001:0:5db8:d70e::f7f7:f7f7'],
    ['an ordinary global address', '[2606:4700::1111]', '2606:4700::1111'],
    ['an ordinary IPv4 address', '8.8.8.8', '8.8.8.8'],
  ])('accepts %s: %s', async (_form, host, address) => {
    const target = await resolveWebhookTarget(`https://${host}/in`, false);
    expect(target.addresses.map((a) => a.address)).toEqual([address]);
  });

  it('reads the IPv4 addresses embedded in IPv6', () => {
    const read = (address: string) => embeddedIPv4(ipaddr.IPv6.parse(address))?.map(String) ?? null;
    expect(read('64:ff9b::a9fe:a9fe')).toEqual(['169.254.169.254']);
    expect(read('::7f00:1')).toEqual(['127.0.0.1']);
    expect(read('::ffff:0:a00:1')).toEqual(['10.0.0.1']);
    expect(read('2002:c0a8:101::1')).toEqual(['192.168.1.1']);
    expect(read('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toEqual(['65.54.227.120', '192.0.2.45']);
    expect(read('::1')).toBeNull();
    expect(read('2606:4700::1111')).toBeNull();
  });

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
