import { say, type MessageKey } from '../../messages/catalogue';
import { cardsOf, inputOf } from '../harness/conversationHarness';
import {
  attentionTexts,
  button,
  elementsOfType,
  facts,
  inputs,
  submitActions,
  submitData,
  texts,
  type JsonObject,
} from './cardQueries';
import { localAgentName, produceCards, type ProducedCardName, type ProducedCards } from './producedCards';

let produced: ProducedCards;
beforeAll(async () => {
  produced = await produceCards();
});
afterAll(async () => produced?.stop());

const card = (name: ProducedCardName) => produced.get(name);
const addCustomerButton = (key: MessageKey) => [
  expect.objectContaining({ title: say(key), associatedInputs: 'none', data: { command: 'addCustomer' } }),
];

describe('the welcome card', () => {
  it('offers an agent who may add customers the Add customer button, and says what it does', () => {
    const shown = card('welcome: 1:1, may add customers');
    expect(submitActions(shown)).toEqual(addCustomerButton('card.action.addCustomer'));
    expect(texts(shown)).toEqual(
      expect.arrayContaining([say('card.welcome.steps'), say('card.welcome.existingCustomers')]),
    );
    expect(texts(shown)).not.toContain(say('card.welcome.sharedChat'));
  });

  it('tells an agent without a role that may add customers why, with no button', () => {
    const shown = card('welcome: 1:1, may not add customers');
    expect(submitActions(shown)).toEqual([]);
    expect(texts(shown)).toContain(say('roles.addCustomer.notAllowed'));
    expect(texts(shown)).not.toContain(say('card.welcome.steps'));
  });

  it('in a group chat speaks to everyone there: how to address the bot, and the button for all', () => {
    const shown = card('welcome: group chat');
    expect(texts(shown)).toContain(say('card.welcome.sharedChat'));
    expect(submitActions(shown)).toEqual(addCustomerButton('card.action.addCustomer'));
  });
});

describe('the help card', () => {
  const commands = ['card.help.command.help', 'card.help.command.cancel'] as const;

  it('outside the flow lists the commands and offers to start', () => {
    const shown = card('help: outside the flow');
    for (const key of ['card.help.command.addCustomer', ...commands] as const) {
      expect(texts(shown)).toContain(`- ${say(key)}`);
    }
    expect(submitData(shown)).toEqual([{ command: 'addCustomer' }]);
    expect(texts(shown)).not.toContain(say('card.help.inFlow'));
  });

  it('in the flow says the draft is kept, with no start button, and the waiting card follows', () => {
    const shown = card('help: in the flow');
    // "add customer" there starts the next customer only after this one: the card says so.
    for (const key of ['card.help.command.addCustomerInFlow', ...commands] as const) {
      expect(texts(shown)).toContain(`- ${say(key)}`);
    }
    expect(texts(shown)).toContain(say('card.help.inFlow'));
    expect(submitActions(shown)).toEqual([]);
    const [help, waiting, ...more] = cardsOf(produced.helpInFlowReplies);
    expect(help).toBe(shown);
    expect(inputOf(waiting!, 'legalName')).toBeDefined();
    expect(more).toEqual([]);
  });
});

/** The review card's sections: the containers headed by a section heading. */
function sections(shown: unknown): { heading: string; facts: { title: string; value: string }[] }[] {
  return elementsOfType(shown, 'Container')
    .filter((node) => node.separator === true)
    .map((node) => ({ heading: String((node.items as JsonObject[])[0]!.text), facts: facts(node) }));
}

const factValue = (list: { title: string; value: string }[], title: string) =>
  list.find((fact) => fact.title === title)?.value;

describe('the review card', () => {
  it("shows a direct partner's draft by section, with no reseller section", () => {
    const shown = sections(card('review: direct'));
    expect(shown.map((section) => section.heading)).toEqual([
      say('card.review.section.accountInfo'),
      say('card.review.section.mca'),
      say('card.review.section.subscriptions'),
    ]);
    const [account, mca, subscriptions] = shown;
    expect(factValue(account!.facts, say('fact.legalName'))).toBe('Northwind Traders B.V.');
    expect(factValue(account!.facts, say('fact.domain'))).toBe('northwindnl.onmicrosoft.com');
    expect(factValue(account!.facts, say('fact.address'))).toBe('Keizersgracht 12, 1015 CJ Amsterdam');
    expect(factValue(mca!.facts, say('fact.mcaAcceptedOn'))).toBe('20 Nov 2026');
    expect(subscriptions!.facts).toEqual([
      { title: 'Azure plan', value: '1 licence, 1 month, billed monthly' },
      { title: 'Microsoft 365 Business Basic', value: '10 licences, 1 year, billed monthly' },
    ]);
  });

  it("shows an indirect provider's chosen reseller in a section of its own", () => {
    const shown = sections(card('review: indirect'));
    expect(shown.map((section) => section.heading)).toEqual([
      say('card.review.section.accountInfo'),
      say('card.review.section.mca'),
      say('card.review.section.reseller'),
      say('card.review.section.subscriptions'),
    ]);
    expect(shown[2]!.facts).toEqual([
      { title: say('fact.reseller'), value: 'Adventure Works Cloud Partners (MPN ID 6021978)' },
    ]);
  });

  it('gives each section an Update button that names the section and sends no inputs', () => {
    const review = card('review: indirect');
    const updates = submitActions(review).filter((action) => (action.data as JsonObject).action === 'update');
    const promptId = (button(review, 'submit').data as JsonObject).promptId;
    expect(promptId).toMatch(/^review:/);
    expect(updates.map((action) => action.data)).toEqual(
      ['accountInfo', 'mca', 'reseller', 'subscriptions'].map((section) => ({
        promptId,
        action: 'update',
        section,
      })),
    );
    for (const update of updates) {
      expect(update).toMatchObject({ title: say('card.review.update'), associatedInputs: 'none' });
    }
  });

  it('ends with Submit and Cancel, and has no inputs', () => {
    const review = card('review: direct');
    const promptId = (button(review, 'submit').data as JsonObject).promptId;
    expect(review.actions).toEqual([
      expect.objectContaining({ title: say('card.review.submit'), data: { promptId, action: 'submit' } }),
      expect.objectContaining({ title: say('card.action.cancel'), data: { promptId, action: 'cancel' } }),
    ]);
    expect(inputs(review)).toEqual([]);
  });

  it('shows no problems and no changes when there are none', () => {
    for (const name of ['review: direct', 'review: indirect'] as const) {
      expect(texts(card(name))).not.toContain(say('card.review.errors'));
      expect(texts(card(name))).not.toContain(say('card.review.notices'));
      expect(attentionTexts(card(name))).toEqual([]);
    }
  });

  it('after a move to another country says what the update changed, and what keeps the customer from being submitted', () => {
    const shown = card('review: update notices after a country change');
    const all = texts(shown);
    expect(all).toEqual(
      expect.arrayContaining([
        say('card.review.notices'),
        `- ${say('order.removed.notSoldInCountry', { offerName: 'Dynamics 365 Sales Enterprise', country: 'India' })}`,
        say('card.review.errors'),
        `- ${say('reseller.required')}`,
      ]),
    );
    expect(all.some((text) => text.startsWith('- Adventure Works Cloud Partners (MPN ID 6021978)'))).toBe(
      true,
    );
    const reseller = sections(shown).find(
      (section) => section.heading === say('card.review.section.reseller'),
    );
    expect(reseller!.facts).toEqual([{ title: say('fact.reseller'), value: say('value.resellerNotChosen') }]);
    expect(factValue(sections(shown)[0]!.facts, say('fact.country'))).toBe('India');
  });

  it('lists each problem found on submitting once, under the notice that submitting failed', () => {
    const shown = card('review: submit problems');
    const problems = attentionTexts(shown);
    expect(problems).toEqual([`- ${say('reseller.required')}`]);
    expect(new Set(problems).size).toBe(problems.length);
    // Submitting cleared what the update had changed: it was said once.
    expect(texts(shown)).not.toContain(say('card.review.notices'));
  });
});

describe('the done card', () => {
  it('shows the customer as stored: id, legal name, admin sign-in name and status', () => {
    const { direct } = produced.customers;
    expect(facts(card('done: direct')).slice(0, 4)).toEqual([
      { title: say('card.done.customerId'), value: direct.id },
      { title: say('card.done.legalName'), value: 'Northwind Traders B.V.' },
      { title: say('card.done.adminSignInName'), value: direct.adminSignInName },
      { title: say('card.done.status'), value: say('status.pendingVerification') },
    ]);
    expect(direct.adminSignInName).toBe('admin@northwindnl.onmicrosoft.com');
  });

  it('lists every subscription with its licences, term and billing frequency', () => {
    const lines = facts(elementsOfType(card('done: direct'), 'FactSet')[1]);
    expect(lines).toEqual([
      { title: 'Azure plan', value: '1 licence, 1 month, billed monthly' },
      { title: 'Microsoft 365 Business Basic', value: '10 licences, 1 year, billed monthly' },
    ]);
    expect(produced.customers.direct.subscriptions.map((line) => [line.offerId, line.quantity])).toEqual([
      ['azure-plan', 1],
      ['m365-business-basic', 10],
    ]);
  });

  it("names no reseller for a direct partner, and the indirect provider's reseller", () => {
    const titles = facts(card('done: direct')).map((fact) => fact.title);
    expect(titles).not.toContain(say('fact.reseller'));
    expect(factValue(facts(card('done: indirect, with reseller')), say('fact.reseller'))).toBe(
      'Wide World Importers Cloud (MPN ID 5306644)',
    );
    expect(produced.customers.indirect.reseller?.id).toBe('wide-world-importers-cloud');
  });

  it('says what comes next, and that the customer still has to accept the MCA when it does', () => {
    const nextSteps = (name: ProducedCardName) => texts(card(name)).filter((text) => text.startsWith('- '));
    const admin = (signIn: string) => `- ${say('done.next.admin', { adminSignInName: signIn })}`;
    expect(nextSteps('done: direct')).toEqual([
      `- ${say('done.next.verification')}`,
      admin('admin@northwindnl.onmicrosoft.com'),
      `- ${say('done.next.subscriptions')}`,
    ]);
    expect(nextSteps('done: MCA pending')).toEqual([
      `- ${say('done.next.verification')}`,
      admin('admin@lateraccept.onmicrosoft.com'),
      `- ${say('done.next.mcaPending')}`,
    ]);
    expect(
      facts(card('done: MCA pending'))
        .map((fact) => fact.value)
        .join(' '),
    ).not.toMatch(/licence/);
  });

  it('offers to add another customer', () => {
    for (const name of ['done: direct', 'done: indirect, with reseller', 'done: MCA pending'] as const) {
      expect(submitActions(card(name))).toEqual(addCustomerButton('card.action.addAnotherCustomer'));
    }
  });
});

describe('the own customer card', () => {
  it('shows the record found, when and by whom it was added, and that nothing was added', () => {
    const shown = card('own customer');
    const { direct } = produced.customers;
    expect(texts(shown)).toEqual(
      expect.arrayContaining([
        say('card.ownCustomer.found', { legalName: 'Northwind Traders B.V.', country: 'Netherlands' }),
        say('card.ownCustomer.nothingAdded'),
      ]),
    );
    expect(facts(shown)).toEqual([
      { title: say('card.done.customerId'), value: direct.id },
      { title: say('card.done.legalName'), value: 'Northwind Traders B.V.' },
      { title: say('fact.country'), value: 'Netherlands' },
      { title: say('fact.domain'), value: 'northwindnl.onmicrosoft.com' },
      { title: say('card.done.status'), value: say('status.pendingVerification') },
      {
        title: say('card.ownCustomer.added'),
        // The harness's client sends no locale: the date as the English catalogue writes it.
        value: say('card.ownCustomer.addedOnBy', { addedOn: '23 Nov 2026', addedBy: localAgentName }),
      },
    ]);
    expect(submitActions(shown)).toEqual(addCustomerButton('card.action.addAnotherCustomer'));
    expect(inputs(shown)).toEqual([]);
  });
});

describe('the confirm cancel card', () => {
  it('asks before discarding, with both answers sending no inputs', () => {
    const shown = card('confirm cancel');
    const promptId = (button(shown, 'confirmCancel').data as JsonObject).promptId;
    expect(promptId).toMatch(/^confirmCancel:/);
    expect(texts(shown)).toEqual([say('card.confirmCancel.title'), say('card.confirmCancel.text')]);
    expect(shown.actions).toEqual([
      expect.objectContaining({
        title: say('card.confirmCancel.confirm'),
        associatedInputs: 'none',
        data: { promptId, action: 'confirmCancel' },
      }),
      expect.objectContaining({
        title: say('card.confirmCancel.keep'),
        associatedInputs: 'none',
        data: { promptId, action: 'keepDraft' },
      }),
    ]);
  });
});

describe('the submitted card that replaces an answered card in Teams', () => {
  it('shows what was submitted, read-only', () => {
    const account = card('submitted: account info (Teams)');
    expect(texts(account)).toEqual([say('summary.accountInfo'), say('card.submitted.note')]);
    expect(facts(account)).toEqual([
      { title: say('fact.legalName'), value: 'Admin Only B.V.' },
      { title: say('fact.domain'), value: 'adminonly.onmicrosoft.com' },
    ]);
    const mca = card('submitted: customer agreement (Teams)');
    expect(texts(mca)[0]).toBe(say('summary.mca'));
    expect(facts(mca)).toEqual([{ title: say('fact.mca'), value: say('value.mcaCustomerWillAccept') }]);
    for (const shown of [account, mca]) {
      expect(inputs(shown)).toEqual([]);
      expect(submitActions(shown)).toEqual([]);
    }
  });
});
