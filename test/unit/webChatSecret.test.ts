import { clientOf } from '../../bot/webChat/clientAddress';
import {
  addOwnServiceUrl,
  botAuthorization,
  isBotAuthorization,
  isOwnServiceUrl,
} from '../../bot/webChat/botSecret';
import { WebChatCredentialsFactory } from '../../bot/webChat/botConnectorAuth';

describe("the local web chat's secret", () => {
  it('is a random bearer token, accepted only whole', () => {
    const authorization = botAuthorization();
    expect(authorization).toMatch(/^Bearer [\w-]{43}$/);
    expect(isBotAuthorization(authorization)).toBe(true);
    for (const wrong of [
      undefined,
      '',
      'Bearer',
      authorization.slice(0, -1),
      `${authorization}x`,
      'Bearer x',
    ])
      expect(isBotAuthorization(wrong)).toBe(false);
  });

  it("goes to the router's own origin only, while it listens", () => {
    const forget = addOwnServiceUrl('http://127.0.0.1:43210');
    try {
      expect(isOwnServiceUrl('http://127.0.0.1:43210')).toBe(true);
      expect(isOwnServiceUrl('http://127.0.0.1:43210/')).toBe(true);
      for (const other of [
        'http://127.0.0.1:43211', // the Emulator, on the same machine
        'http://localhost:43210',
        'https://127.0.0.1:43210',
        'http://127.0.0.2:43210',
        'not a url',
        undefined,
      ])
        expect(isOwnServiceUrl(other)).toBe(false);
    } finally {
      forget();
    }
    expect(isOwnServiceUrl('http://127.0.0.1:43210')).toBe(false);
  });

  it("is signed onto the bot's requests to its own router, and onto no other", async () => {
    const forget = addOwnServiceUrl('http://127.0.0.1:43212');
    try {
      const factory = new WebChatCredentialsFactory({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' });
      const credentials = await factory.createCredentials('', 'audience', 'https://login', true);
      const signed = async (url: string) => {
        const headers = new Map<string, string>();
        const request = { url, headers: { set: (name: string, value: string) => headers.set(name, value) } };
        await credentials.signRequest(request as unknown as Parameters<typeof credentials.signRequest>[0]);
        return headers.get('authorization');
      };
      expect(await signed('http://127.0.0.1:43212/v3/conversations/dl-1/activities/a')).toBe(
        botAuthorization(),
      );
      expect(await signed('http://127.0.0.1:3979/v3/conversations/c/activities/a')).toBeUndefined();
      expect(await signed('https://smba.trafficmanager.net/emea/v3/conversations/c')).toBeUndefined();
    } finally {
      forget();
    }
  });
});

describe('who a web chat client is', () => {
  it('is one client for every loopback address', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '127.255.0.9', '::1', '::ffff:127.0.0.1'])
      expect(clientOf(address)).toBe('loopback');
  });

  it('is the IPv4 address, mapped or not', () => {
    expect(clientOf('192.0.2.7')).toBe('192.0.2.7');
    expect(clientOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('is the /64 network of an IPv6 address', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(clientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('is "unknown" when there is no address', () => {
    expect(clientOf(undefined)).toBe('unknown');
    expect(clientOf('')).toBe('unknown');
  });
});
