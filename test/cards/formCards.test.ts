import { accountInfoCard } from '../../cards/accountInfoCard';
import { accountInfoInputIds, mcaInputIds, noResellerChoiceValue } from '../../cards/cardModels';
import { mcaCard } from '../../cards/mcaCard';
import { resellerCard } from '../../cards/resellerCard';
import { subscriptionsCard } from '../../cards/subscriptionsCard';
import { say } from '../../services/messages/catalogue';
import {
  brAccountInfo,
  mcaAttest,
  mcaNotAllowed,
  nlAccountInfo,
  resellerChosen,
  resellerLongList,
  resellerNoMatch,
  subscriptionsMcaPending,
  subscriptionsNoOffers,
  subscriptionsWithErrors,
  usAccountInfo,
} from './cardFixtures';
import {
  allObjects,
  elementAfterInput,
  elementsOfType,
  hasInput,
  input,
  inputs,
  submitActions,
  submitData,
  texts,
  type JsonObject,
} from './cardQueries';

function expectMessageUnder(card: unknown, inputId: string, message: string) {
  expect(elementAfterInput(card, inputId)).toMatchObject({
    type: 'TextBlock',
    text: message,
    color: 'Attention',
    wrap: true,
  });
}

function expectNoMessageUnder(card: unknown, inputId: string) {
  const next = elementAfterInput(card, inputId);
  expect(next?.color).not.toBe('Attention');
}

function containerHeadedBy(card: unknown, heading: string): JsonObject {
  const container = elementsOfType(card, 'Container').find((node) => {
    const first = (node.items as JsonObject[] | undefined)?.[0];
    return first?.type === 'TextBlock' && first.text === heading;
  });
  if (!container) throw new Error(`No container headed "${heading}"`);
  return container;
}

describe('the account info card', () => {
  const us = accountInfoCard(usAccountInfo);
  const nl = accountInfoCard(nlAccountInfo);
  const br = accountInfoCard(brAccountInfo);

  it('has exactly the contract input ids', () => {
    for (const card of [us, nl, br]) {
      expect(
        inputs(card)
          .map((node) => node.id)
          .sort(),
      ).toEqual([...accountInfoInputIds].sort());
    }
  });

  it('shows each field message right under its input, in attention colour', () => {
    for (const id of ['legalName', 'domainPrefix', 'postalCode', 'contactEmail'] as const) {
      expectMessageUnder(us, id, usAccountInfo.errors[id]!);
    }
  });

  it('shows nothing under a field without a message', () => {
    for (const id of ['country', 'addressLine1', 'city', 'state', 'contactFirstName', 'contactPhone']) {
      expectNoMessageUnder(us, id);
    }
    for (const id of accountInfoInputIds) expectNoMessageUnder(nl, id);
  });

  it('puts a message for no input of its own at the top of the card', () => {
    const top = (us.body as JsonObject[]).slice(0, 4).map((node) => node.text);
    expect(top).toContain(usAccountInfo.errors.general);
  });

  it('keeps the values the agent entered', () => {
    for (const id of accountInfoInputIds) {
      expect(input(us, id).value).toBe(usAccountInfo.values[id] ?? '');
    }
  });

  it('offers the partner markets as a compact choice of country', () => {
    expect(input(us, 'country')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      choices: usAccountInfo.countries,
      value: 'US',
      isRequired: true,
    });
  });

  it('makes state a choice from the list for the US and free text for the Netherlands', () => {
    expect(input(us, 'state')).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: usAccountInfo.country.states,
      value: 'WA',
      isRequired: false,
      label: say('card.accountInfo.neededIn', {
        label: say('card.accountInfo.state'),
        country: 'United States',
      }),
    });
    expect(input(nl, 'state')).toMatchObject({
      type: 'Input.Text',
      isRequired: false,
      label: say('card.accountInfo.state'),
    });
  });

  it("offers the country's languages and cultures", () => {
    expect(input(nl, 'language')).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: nlAccountInfo.country.languages,
      value: 'nl',
    });
    expect(input(nl, 'culture')).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: nlAccountInfo.country.cultures,
      value: 'nl-NL',
    });
  });

  it("says in the label which fields the country's rules require, leaving the check to the service", () => {
    // Not required in the client: the agent may switch country on this card.
    expect(input(nl, 'contactPhone')).toMatchObject({ isRequired: false, label: say('card.person.phone') });
    expect(input(nl, 'registrationNumber').isRequired).toBe(false);
    expect(input(br, 'contactPhone')).toMatchObject({
      isRequired: false,
      label: say('card.accountInfo.neededIn', { label: say('card.person.phone'), country: 'Brazil' }),
    });
    expect(input(br, 'registrationNumber')).toMatchObject({
      isRequired: false,
      label: say('card.accountInfo.neededIn', {
        label: say('card.accountInfo.registrationNumberNamed', { name: 'CNPJ' }),
        country: 'Brazil',
      }),
      placeholder: say('card.form.example', { example: '12.345.678/0001-95' }),
    });
    for (const id of [
      'legalName',
      'domainPrefix',
      'country',
      'addressLine1',
      'contactFirstName',
      'contactLastName',
      'contactEmail',
    ]) {
      expect(input(nl, id)).toMatchObject({ isRequired: true, errorMessage: expect.any(String) });
    }
    expect(input(nl, 'addressLine2').isRequired).toBeUndefined();
  });

  it("gives the country's postal code and phone examples as placeholders", () => {
    expect(input(nl, 'postalCode').placeholder).toBe(say('card.form.example', { example: '1234 AB' }));
    expect(input(nl, 'contactPhone').placeholder).toBe(
      say('card.form.example', { example: '+31 20 123 4567' }),
    );
  });

  it('leaves the normalised fields free of client-side patterns', () => {
    expect(inputs(us).filter((node) => 'regex' in node)).toEqual([]);
  });

  it('shows the notice first, and no notice when there is none', () => {
    expect(JSON.stringify((nl.body as JsonObject[])[0])).toContain(nlAccountInfo.notice!);
    expect(texts(us)).not.toContain(nlAccountInfo.notice);
  });

  it('groups the form into Company, Address and Primary contact', () => {
    const idsIn = (heading: string) =>
      inputs(containerHeadedBy(us, say(heading as never))).map((node) => node.id);
    expect(idsIn('card.accountInfo.company')).toEqual([
      'legalName',
      'domainPrefix',
      'registrationNumber',
      'language',
      'culture',
    ]);
    expect(idsIn('card.accountInfo.address')).toEqual([
      'country',
      'addressLine1',
      'addressLine2',
      'city',
      'state',
      'postalCode',
    ]);
    expect(idsIn('card.accountInfo.primaryContact')).toEqual([
      'contactFirstName',
      'contactLastName',
      'contactEmail',
      'contactPhone',
    ]);
  });

  it('submits Next with the inputs and Cancel without checking them', () => {
    const [next, cancel] = submitActions(us);
    expect(next).toMatchObject({
      title: say('card.action.next'),
      data: { promptId: 'accountInfo:7f3a', action: 'next' },
    });
    expect(next!.associatedInputs).toBeUndefined();
    expect(cancel).toMatchObject({
      title: say('card.action.cancel'),
      associatedInputs: 'none',
      data: { promptId: 'accountInfo:7f3a', action: 'cancel' },
    });
  });
});

describe('the MCA card', () => {
  const attest = mcaCard(mcaAttest);
  const notAllowed = mcaCard(mcaNotAllowed);

  it('offers attesting and leaving it to the customer as radio buttons', () => {
    expect(input(attest, 'mcaChoice')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'expanded',
      value: 'attested',
      isRequired: true,
      choices: [
        { value: 'attested', title: say('card.mca.choice.attested') },
        { value: 'customerWillAccept', title: say('card.mca.choice.customerWillAccept') },
      ],
    });
  });

  it('asks who accepted and when, with the date no later than the latest allowed', () => {
    expect(
      inputs(attest)
        .map((node) => node.id)
        .sort(),
    ).toEqual([...mcaInputIds].sort());
    expect(input(attest, 'acceptedOn')).toMatchObject({
      type: 'Input.Date',
      max: '2025-06-30',
      value: '2031-01-01',
    });
    expect(input(attest, 'acceptedByEmail').value).toBe('sanne@contoso');
  });

  it('shows the messages under the person and date fields', () => {
    expectMessageUnder(attest, 'acceptedByEmail', mcaAttest.errors.acceptedByEmail!);
    expectMessageUnder(attest, 'acceptedOn', mcaAttest.errors.acceptedOn!);
    expectNoMessageUnder(attest, 'acceptedByFirstName');
  });

  it('offers no attesting to an agent who may not attest, and says why', () => {
    const choices = input(notAllowed, 'mcaChoice').choices as JsonObject[];
    expect(choices.map((choice) => choice.value)).toEqual(['customerWillAccept']);
    expect(JSON.stringify(notAllowed)).not.toContain('"attested"');
    expect(texts(notAllowed)).toContain(say('card.mca.notAllowed'));
    expect(texts(attest)).not.toContain(say('card.mca.notAllowed'));
    expect(hasInput(notAllowed, 'acceptedOn')).toBe(false);
    expectMessageUnder(notAllowed, 'mcaChoice', mcaNotAllowed.errors.mcaChoice!);
  });

  it('submits Next and Cancel with the prompt id', () => {
    expect(submitData(attest)).toEqual([
      { promptId: 'mca:51d2', action: 'next' },
      { promptId: 'mca:51d2', action: 'cancel' },
    ]);
  });
});

describe('the reseller card', () => {
  const chosen = resellerCard(resellerChosen);
  const noMatch = resellerCard(resellerNoMatch);

  it('has a search box with a Search button that sends the query', () => {
    expect(input(chosen, 'resellerQuery')).toMatchObject({ type: 'Input.Text', value: 'coffee' });
    const search = submitActions(chosen).find((action) => (action.data as JsonObject).action === 'search');
    expect(search).toMatchObject({
      title: say('card.reseller.search'),
      data: { promptId: 'reseller:3c1f', action: 'search' },
    });
    expect(search!.associatedInputs).toBeUndefined();
  });

  it('lists the resellers by name and MPN ID, and no reseller for a direct customer', () => {
    expect(input(noMatch, 'resellerId')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'expanded',
      choices: [
        { value: 'fourth-coffee-it-services', title: 'Fourth Coffee IT Services (MPN ID 4120387)' },
        { value: 'northwind-traders-solutions', title: 'Northwind Traders Solutions (MPN ID 4120512)' },
        { value: 'wide-world-importers-cloud', title: 'Wide World Importers Cloud (MPN ID 5306644)' },
        { value: noResellerChoiceValue, title: say('card.reseller.none') },
      ],
    });
  });

  it('keeps the chosen reseller selected, preselects nothing before a choice, and no reseller for a direct draft', () => {
    expect(input(chosen, 'resellerId').value).toBe('fourth-coffee-it-services');
    expect(input(noMatch, 'resellerId').value).toBeUndefined();
    expect(input(resellerCard({ ...resellerChosen, selectedResellerId: '' }), 'resellerId').value).toBe(
      noResellerChoiceValue,
    );
  });

  it('says when the search found nothing, and not otherwise', () => {
    expect(texts(noMatch)).toContain(say('reseller.search.noMatch', { query: 'Tailspin' }));
    expect(texts(chosen).some((text) => text.includes('No active indirect reseller'))).toBe(false);
  });

  it('shows the message under the list', () => {
    expectMessageUnder(noMatch, 'resellerId', resellerNoMatch.errors.resellerId!);
  });

  it('uses a drop-down list for a long list', () => {
    expect(input(resellerCard(resellerLongList), 'resellerId').style).toBe('compact');
  });
});

describe('the subscriptions card', () => {
  const card = subscriptionsCard(subscriptionsWithErrors);

  it('has a heading per product family and the offers under it', () => {
    const headings = elementsOfType(card, 'TextBlock')
      .filter((node) => node.size === 'Medium')
      .map((node) => node.text);
    expect(headings).toEqual(['Microsoft 365', 'Microsoft Teams']);
  });

  it('shows per offer its name, description and licence range', () => {
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Microsoft 365 Business Basic',
        'Web and mobile Office apps, Teams, Exchange mailbox and 1 TB OneDrive for small businesses.',
        say('card.subscriptions.range', { min: 1, max: 300 }),
        '1–1000 licences',
      ]),
    );
  });

  it('asks per offer for a number of licences from 0 to its maximum and a term', () => {
    expect(input(card, 'quantity_m365-business-basic')).toMatchObject({
      type: 'Input.Number',
      min: 0,
      max: 300,
      value: 25,
    });
    expect(input(card, 'quantity_teams-phone-standard')).toMatchObject({ max: 1000, value: 5 });
    expect(input(card, 'term_m365-business-basic')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      value: 'P1Y',
    });
    expect(input(card, 'term_teams-phone-standard').choices).toEqual([
      { value: 'P1Y', title: say('order.term.P1Y') },
    ]);
  });

  it('marks add-ons', () => {
    const addOnNotes = texts(card).filter((text) => text === say('card.subscriptions.addOn'));
    expect(addOnNotes).toHaveLength(1);
  });

  it("shows each offer's message under its quantity, and general messages at the top", () => {
    expectMessageUnder(
      card,
      'quantity_m365-business-premium',
      subscriptionsWithErrors.errors['quantity_m365-business-premium']!,
    );
    expectMessageUnder(
      card,
      'quantity_teams-phone-standard',
      subscriptionsWithErrors.errors['quantity_teams-phone-standard']!,
    );
    expectNoMessageUnder(card, 'quantity_m365-business-basic');
    expect((card.body as JsonObject[]).slice(0, 3).map((node) => node.text)).toContain(say('order.empty'));
  });

  it('shows 0 for an offer not chosen (clients refuse an empty number field with a range), labelled with the offer', () => {
    const fresh = subscriptionsCard({ ...subscriptionsWithErrors, quantities: {}, errors: {} });
    expect(input(fresh, 'quantity_m365-business-basic')).toMatchObject({
      value: 0,
      label: say('card.subscriptions.quantityOf', { offerName: 'Microsoft 365 Business Basic' }),
    });
  });

  it('has no inputs while the customer still has to accept the MCA, and says ordering waits', () => {
    const pending = subscriptionsCard(subscriptionsMcaPending);
    expect(inputs(pending)).toEqual([]);
    expect(texts(pending)).toContain(say('card.subscriptions.mcaPending'));
    expect(submitData(pending)).toEqual([
      { promptId: 'subscriptions:0b12', action: 'next' },
      { promptId: 'subscriptions:0b12', action: 'cancel' },
    ]);
    expect(texts(card)).not.toContain(say('card.subscriptions.mcaPending'));
  });

  it('says so when no offer is sold in the country', () => {
    const none = subscriptionsCard(subscriptionsNoOffers);
    expect(inputs(none)).toEqual([]);
    expect(texts(none)).toContain(say('card.subscriptions.noOffers', { country: 'Netherlands' }));
  });

  it('submits Next with the inputs and Cancel without checking them', () => {
    const [next, cancel] = submitActions(card);
    expect(next).toMatchObject({ data: { promptId: 'subscriptions:e4d9', action: 'next' } });
    expect(cancel).toMatchObject({
      associatedInputs: 'none',
      data: { promptId: 'subscriptions:e4d9', action: 'cancel' },
    });
  });

  it('has unique input ids', () => {
    const ids = allObjects(card)
      .filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.'))
      .map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
