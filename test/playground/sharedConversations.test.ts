import { playgroundChats } from '../../bot/playground/playgroundConfig';
import {
  attestAgreement,
  button,
  cardMarks,
  fillAccountInfo,
  licences,
  type DutchCompany,
} from './cardForms';
import { driving, type PlaygroundPage } from './playgroundPage';
import { PlaygroundSession } from './playgroundSession';

jest.setTimeout(90_000);

const groupChat = playgroundChats.groupChat.name;
const channel = `${playgroundChats.team.name} - ${playgroundChats.team.channels[0].name}`;

const tailspin: DutchCompany = {
  legalName: 'Tailspin Toys B.V.',
  domainPrefix: 'tailspintoysnl',
  street: 'Prinsengracht 263',
  postalCode: '1016gv',
  contact: { firstName: 'Anna', lastName: 'de Vries', email: 'anna.devries@tailspintoys.nl' },
};
const wingtip: DutchCompany = {
  legalName: 'Wingtip Traders B.V.',
  domainPrefix: 'wingtiptradersnl',
  street: 'Damrak 1',
  postalCode: '1012lg',
  contact: { firstName: 'Bram', lastName: 'Peters', email: 'bram.peters@wingtiptraders.nl' },
};

let session: PlaygroundSession;
beforeAll(async () => {
  session = await PlaygroundSession.start();
});
afterAll(async () => {
  await session?.stop();
});

describe('the Agents Playground, group chat and channel', () => {
  it('Alex and Megan @mention the bot in one group chat, take turns, and each adds their own customer', async () => {
    // Two Playgrounds, one per agent, with the same group chat: two people in one Teams chat.
    const [alex, megan] = await Promise.all([session.open('Alex Wilber'), session.open('Megan Bowen')]);
    await driving([alex, megan], 'playground-group-chat-failure', async () => {
      const agents: [PlaygroundPage, DutchCompany][] = [
        [alex, tailspin],
        [megan, wingtip],
      ];
      const cards = new Map<PlaygroundPage, Awaited<ReturnType<PlaygroundPage['press']>>>();
      for (const [chat, company] of agents) {
        await chat.openChat(groupChat);
        const card = await chat.mentionBot('add customer', cardMarks.accountInfo);
        // Megan gets a card of her own, not "you are already adding a customer".
        await expect(card.innerText()).resolves.toContain('Account info');
        await fillAccountInfo(chat, card, company);
        cards.set(chat, card);
      }
      for (const [chat, company] of agents) {
        const card = await chat.press(
          button(cards.get(chat)!, 'Next: Customer agreement'),
          cardMarks.agreement,
        );
        // Each draft is the agent's own: the agreement card starts with their customer's contact.
        await expect(chat.field(card, 'First name').inputValue()).resolves.toBe(company.contact.firstName);
        await chat.cardWithText('Account info submitted');
        await attestAgreement(chat, card);
        cards.set(chat, card);
      }
      await megan.screenshot('teams-07-group-chat', { focus: megan.mention('add customer'), align: 'top' });
      for (const [chat] of agents) {
        let card = await chat.press(button(cards.get(chat)!, 'Next: Subscriptions'), cardMarks.subscriptions);
        await licences(card, 'Microsoft 365 Business Standard').fill('3');
        card = await chat.press(button(card, 'Next: Review'), cardMarks.review);
        cards.set(chat, card);
      }
      for (const [chat, company] of agents) {
        const review = cards.get(chat)!;
        expect(await review.innerText()).toContain(company.legalName);
        const done = await chat.press(button(review, 'Submit'), cardMarks.done);
        await expect(done.innerText()).resolves.toContain(`admin@${company.domainPrefix}.onmicrosoft.com`);
      }
    });

    const [tailspinRecord] = await session.customerRecord(tailspin.domainPrefix);
    const [wingtipRecord] = await session.customerRecord(wingtip.domainPrefix);
    expect(tailspinRecord).toMatchObject({
      createdBy: { displayName: 'Alex Wilber', userPrincipalName: 'alexw@example.com', channel: 'msteams' },
    });
    expect(wingtipRecord).toMatchObject({
      createdBy: { displayName: 'Megan Bowen', userPrincipalName: 'meganb@example.com', channel: 'msteams' },
    });
  });

  it('in a team channel the bot answers a post that @mentions it', async () => {
    const adele = await session.open('Adele Vance', { welcome: false });
    await driving([adele], 'playground-channel-failure', async () => {
      await adele.openChat(channel);
      // The mention is removed before the bot reads the text: "add customer" is understood.
      const card = await adele.mentionBot('add customer', cardMarks.accountInfo);
      expect(await card.innerText()).toContain('Account info');
      await adele.screenshot('teams-08-channel-mention', {
        focus: adele.mention('add customer'),
        align: 'top',
        margin: 80,
      });
    });
  });

  it('nothing left this machine: the Playgrounds and their pages reached loopback only', async () => {
    expect(await session.processRefused()).toEqual([]);
    const elsewhere = session.pageRefused().filter((url) => new URL(url).hostname !== 'res-1.cdn.office.net');
    expect(elsewhere).toEqual([]);
  });
});
