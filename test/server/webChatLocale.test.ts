import type { RunningBot } from '../../bot/startBot';
import { sayIn } from '../../messages/catalogue';
import { cardText, DirectLineClient } from '../harness/directLineClient';
import { startTestBot } from '../harness/testBot';

const nl = sayIn('nl');
const en = sayIn('en');

describe('the language of a local web chat conversation', () => {
  let bot: RunningBot;
  let origin: string;
  beforeAll(async () => {
    bot = await startTestBot();
    origin = `http://localhost:${bot.port}`;
  });
  afterAll(async () => bot.stop());

  /** A conversation asked for in `locale`, started, its welcome polled. */
  async function startIn(locale: string, userId: string) {
    const client = new DirectLineClient(origin);
    const generated = await client.call('POST', '/tokens/generate', { user: { id: userId }, locale }, '');
    expect(generated.status).toBe(200);
    client.token = String(generated.body.token);
    client.conversationId = String(generated.body.conversationId);
    expect((await client.call('POST', '/conversations')).status).toBe(201);
    const [welcome] = await client.poll();
    return { client, welcome };
  }

  it("welcomes in the page's language, which an activity without a locale of its own takes", async () => {
    const { client, welcome } = await startIn('nl-NL', 'web-dutch-page');
    expect(cardText(welcome)).toContain(nl('card.welcome.title'));

    await client.post({ type: 'message', text: 'help' });
    const [, withoutLocale] = await client.poll();
    expect(cardText(withoutLocale)).toContain(nl('card.help.title'));
    expect(cardText(withoutLocale)).not.toContain(en('card.help.intro'));

    // The client's own locale wins.
    await client.post({ type: 'message', text: 'help', locale: 'en-GB' });
    const [, withLocale] = await client.poll();
    expect(cardText(withLocale)).toContain(en('card.help.intro'));
  });

  it('welcomes in English without a locale', async () => {
    const client = new DirectLineClient(origin);
    await client.start('web-no-locale');
    const [welcome] = await client.poll();
    expect(cardText(welcome)).toContain(en('card.welcome.title'));
  });

  it('takes the locale from the start of the conversation when the token request had none', async () => {
    const client = new DirectLineClient(origin);
    await client.generate('web-locale-at-start');
    expect((await client.call('POST', '/conversations', { locale: 'nl-BE' })).status).toBe(201);
    const [welcome] = await client.poll();
    expect(cardText(welcome)).toContain(nl('card.welcome.title'));
  });

  it('refuses a locale that is no BCP 47 tag, or longer than 35 characters', async () => {
    const tooLong = `nl-NL-x-${'abcdefgh-'.repeat(3)}abcd`;
    expect(Intl.getCanonicalLocales(tooLong)).toHaveLength(1);
    expect(tooLong.length).toBeGreaterThan(35);
    for (const locale of ['nl_NL!', '', 'x'.repeat(9), tooLong, 42]) {
      const answer = await new DirectLineClient(origin).call(
        'POST',
        '/tokens/generate',
        { user: { id: 'web-bad-locale' }, locale },
        '',
      );
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'BadArgument' } } });
      expect(String((answer.body.error as { message: string }).message)).toMatch(/^locale: /);
    }
    const longest = `nl-NL-u-ca-gregory-nu-latn-${'x'.repeat(8)}`;
    expect(longest).toHaveLength(35);
    expect(
      (await new DirectLineClient(origin).call('POST', '/tokens/generate', { locale: longest }, '')).status,
    ).toBe(200);

    const { client } = await startIn('nl-NL', 'web-bad-activity-locale');
    const posted = await client.post({ type: 'message', text: 'help', locale: 'not a tag' });
    expect(posted).toMatchObject({ status: 400, body: { error: { message: /^locale: / } } });
  });
});
