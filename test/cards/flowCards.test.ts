import { confirmCancelCard } from '../../cards/confirmCancelCard';
import { doneCard } from '../../cards/doneCard';
import { existingCustomerCard } from '../../cards/existingCustomerCard';
import { helpCard } from '../../cards/helpCard';
import { reviewCard } from '../../cards/reviewCard';
import { submittedCard } from '../../cards/submittedCard';
import { welcomeCard } from '../../cards/welcomeCard';
import { say } from '../../services/messages/catalogue';
import {
  done,
  doneWithoutSubscriptions,
  existingByDomain,
  existingByName,
  reviewClean,
  reviewSections,
  reviewWithErrors,
  submitted,
} from './cardFixtures';
import { elementsOfType, inputs, submitActions, submitData, texts, type JsonObject } from './cardQueries';

describe('the welcome card', () => {
  it('offers to add a customer', () => {
    const card = welcomeCard({ mayAddCustomers: true, sharedChat: false });
    expect(submitActions(card)).toEqual([
      expect.objectContaining({ title: say('card.action.addCustomer'), data: { command: 'addCustomer' } }),
    ]);
    expect(texts(card)).toContain(say('card.welcome.existingCustomers'));
  });

  it('tells an agent without the role why, with no button', () => {
    const card = welcomeCard({ mayAddCustomers: false, sharedChat: false });
    expect(submitActions(card)).toEqual([]);
    expect(texts(card)).toContain(say('roles.addCustomer.notAllowed'));
  });
});

describe('the help card', () => {
  it('lists the commands', () => {
    const card = helpCard({ inFlow: false });
    for (const key of [
      'card.help.command.addCustomer',
      'card.help.command.help',
      'card.help.command.cancel',
    ] as const) {
      expect(texts(card)).toContain(`- ${say(key)}`);
    }
    expect(submitData(card)).toEqual([{ command: 'addCustomer' }]);
    expect(texts(card)).not.toContain(say('card.help.inFlow'));
  });

  it('in the flow says the draft is kept and the current card follows, without a start button', () => {
    const card = helpCard({ inFlow: true });
    expect(texts(card)).toContain(say('card.help.inFlow'));
    expect(submitActions(card)).toEqual([]);
  });
});

describe('the review card', () => {
  const card = reviewCard(reviewClean);
  const sections = (c: unknown) => elementsOfType(c, 'Container').filter((node) => node.separator === true);

  it('has one section per step with its heading and facts', () => {
    const found = sections(card);
    expect(found).toHaveLength(4);
    expect(found.map((section) => (section.items as JsonObject[])[0]!.text)).toEqual([
      say('card.review.section.accountInfo'),
      say('card.review.section.mca'),
      say('card.review.section.reseller'),
      say('card.review.section.subscriptions'),
    ]);
    expect(elementsOfType(found[0], 'FactSet')[0]!.facts).toEqual(reviewSections[0]!.facts);
  });

  it('says a section without facts has none, rather than showing an empty list', () => {
    const subscriptions = sections(card)[3]!;
    expect(elementsOfType(subscriptions, 'FactSet')).toEqual([]);
    expect(texts(subscriptions)).toContain(say('card.review.sectionEmpty'));
  });

  it('gives each section an Update button that names the section and sends no inputs', () => {
    const updates = submitActions(card).filter((action) => (action.data as JsonObject).action === 'update');
    expect(updates.map((action) => action.data)).toEqual([
      { promptId: 'review:5a5a', action: 'update', section: 'accountInfo' },
      { promptId: 'review:5a5a', action: 'update', section: 'mca' },
      { promptId: 'review:5a5a', action: 'update', section: 'reseller' },
      { promptId: 'review:5a5a', action: 'update', section: 'subscriptions' },
    ]);
    for (const update of updates)
      expect(update).toMatchObject({ title: say('card.review.update'), associatedInputs: 'none' });
  });

  it('ends with Submit and Cancel', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({
        title: say('card.review.submit'),
        data: { promptId: 'review:5a5a', action: 'submit' },
      }),
      expect.objectContaining({
        title: say('card.action.cancel'),
        data: { promptId: 'review:5a5a', action: 'cancel' },
      }),
    ]);
    expect(inputs(card)).toEqual([]);
  });

  it('shows problems found on submitting at the top, and nothing when there are none', () => {
    const withErrors = reviewCard(reviewWithErrors);
    const top = JSON.stringify((withErrors.body as JsonObject[]).slice(0, 2));
    for (const error of reviewWithErrors.errors) expect(top).toContain(JSON.stringify(error).slice(1, -1));
    expect(texts(card)).not.toContain(say('card.review.errors'));
    expect(elementsOfType(card, 'TextBlock').filter((node) => node.color === 'Attention')).toEqual([]);
  });
});

describe('the done card', () => {
  const card = doneCard(done);

  it('shows the customer id, legal name, admin sign-in name and status', () => {
    expect(elementsOfType(card, 'FactSet')[0]!.facts).toEqual([
      { title: say('card.done.customerId'), value: done.customerId },
      { title: say('card.done.legalName'), value: done.legalName },
      { title: say('card.done.adminSignInName'), value: done.adminSignInName },
      { title: say('card.done.status'), value: done.status },
    ]);
  });

  it('lists the subscriptions and the next steps', () => {
    expect(elementsOfType(card, 'FactSet')[1]!.facts).toEqual(done.subscriptions);
    for (const step of done.nextSteps) expect(texts(card)).toContain(`- ${step}`);
  });

  it('says when nothing was ordered', () => {
    const none = doneCard(doneWithoutSubscriptions);
    expect(elementsOfType(none, 'FactSet')).toHaveLength(1);
    expect(texts(none)).toContain(say('card.done.noSubscriptions'));
    expect(texts(none)).not.toContain(say('card.done.nextSteps'));
  });

  it('offers to add another customer', () => {
    expect(submitActions(card)).toEqual([
      expect.objectContaining({
        title: say('card.action.addAnotherCustomer'),
        data: { command: 'addCustomer' },
      }),
    ]);
  });
});

describe('the existing customer card', () => {
  it('says who was found and why', () => {
    const params = { domain: existingByDomain.domain, legalName: 'Fabrikam B.V.', country: 'Netherlands' };
    expect(texts(existingCustomerCard(existingByDomain))).toContain(say('customer.exists.domain', params));
    expect(texts(existingCustomerCard(existingByName))).toContain(say('customer.exists.name', params));
  });

  it('shows the invitation as text to copy, the link included, and does not open the link', () => {
    const card = existingCustomerCard(existingByDomain);
    const invitation = elementsOfType(card, 'TextBlock').find(
      (node) => node.text === existingByDomain.invitationText,
    );
    expect(invitation).toMatchObject({ wrap: true });
    expect(String(invitation!.text)).toContain(existingByDomain.invitationUrl);
    expect(texts(card)).not.toContain(
      say('card.existingCustomer.invitationLink', { url: existingByDomain.invitationUrl }),
    );
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
  });

  it('shows the link on its own when the invitation text lacks it', () => {
    const card = existingCustomerCard(existingByName);
    expect(texts(card)).toContain(
      say('card.existingCustomer.invitationLink', { url: existingByName.invitationUrl }),
    );
  });

  it('offers to add another customer', () => {
    expect(submitData(existingCustomerCard(existingByName))).toEqual([{ command: 'addCustomer' }]);
  });
});

describe('the submitted card', () => {
  it('shows what was submitted, read-only', () => {
    const card = submittedCard(submitted);
    expect(texts(card)[0]).toBe(submitted.title);
    expect(elementsOfType(card, 'FactSet')[0]!.facts).toEqual(submitted.facts);
    expect(inputs(card)).toEqual([]);
    expect(submitActions(card)).toEqual([]);
  });

  it('has no empty fact list when there are no facts', () => {
    expect(elementsOfType(submittedCard({ title: submitted.title, facts: [] }), 'FactSet')).toEqual([]);
  });
});

describe('the confirm cancel card', () => {
  it('asks before discarding, with both answers sending no inputs', () => {
    const card = confirmCancelCard({ promptId: 'cancel:1d1d' });
    expect(card.actions).toEqual([
      expect.objectContaining({
        title: say('card.confirmCancel.confirm'),
        associatedInputs: 'none',
        data: { promptId: 'cancel:1d1d', action: 'confirmCancel' },
      }),
      expect.objectContaining({
        title: say('card.confirmCancel.keep'),
        associatedInputs: 'none',
        data: { promptId: 'cancel:1d1d', action: 'keepDraft' },
      }),
    ]);
  });
});
