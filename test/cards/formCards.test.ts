import { english, readable } from '../harness/englishText';
import { z } from 'zod';
import { noResellerChoiceValue } from '../../cards/cardModels';
import { nestedForm } from '../../cards/formPaths';
import { resellerCard } from '../../cards/resellerCard';
import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { completeOrder, offerFieldPath, ORDER_FORM_INPUTS } from '../../services/catalogue/orderForm';
import type { Offer } from '../../services/catalogue/schemas';
import { countryRules } from '../../services/countries/countryRules';
import { accountInfoFormSchema } from '../../services/customers/accountInfo';
import type { AgentContext } from '../../services/customers/customerService';
import { mcaFormSchema } from '../../services/customers/mca';
import { say, sayIn, type MessageKey } from '../../messages/catalogue';
import type { FieldError } from '../../services/validation/fieldError';
import { inputValues } from '../harness/conversationHarness';
import { testPartner } from '../harness/serviceHarness';
import {
  allObjects,
  attentionTexts,
  button,
  buttons,
  elementAfterInput,
  elementsOfType,
  hasInput,
  input,
  inputs,
  readerText,
  submitActions,
  submitData,
  texts,
  textsAboveTheForm,
  type JsonObject,
} from './cardQueries';
import {
  attestingAgentTimestamp,
  dutchCustomer,
  produceCards,
  producedCardNames,
  today,
  typedForms,
  type CardJson,
  type ProducedCardName,
  type ProducedCards,
} from './producedCards';

let produced: ProducedCards;
beforeAll(async () => {
  produced = await produceCards();
});
afterAll(async () => produced?.stop());

const card = (name: ProducedCardName): CardJson => produced.get(name);
const ids = (shown: unknown): string[] => inputs(shown).map((node) => String(node.id));

/** The field paths of a form schema, as the service reads them ("address.postalCode"). */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = schema instanceof z.ZodPipe ? (schema.out as z.ZodType) : schema;
  if (!(inner instanceof z.ZodObject)) return [prefix];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
    fieldPaths(child, prefix ? `${prefix}.${key}` : key),
  );
}

/**
 * Each of the service's messages is right under the input whose id is its field path (an offer's
 * own problems under its licences), or above the form when the card has no such input; and the card
 * shows no problem the service did not find.
 */
function expectMessagesWhereTheServiceSaysThem(
  shown: CardJson,
  errors: readonly FieldError[],
  inputOf: (field: string) => string = (field) => field,
) {
  expect(errors.length).toBeGreaterThan(0);
  const top = textsAboveTheForm(shown);
  for (const error of errors) {
    const id = inputOf(error.field);
    if (hasInput(shown, id)) {
      const under = elementAfterInput(shown, id);
      expect(under).toMatchObject({ type: 'TextBlock', color: 'Attention', wrap: true });
      expect(readerText(String(under!.text))).toContain(english(error));
    } else {
      expect(top.join('\n')).toContain(english(error));
    }
  }
  const expected = errors.map((error) => english(error));
  for (const text of attentionTexts(shown)) {
    expect(expected.some((message) => text.includes(message))).toBe(true);
  }
}

function expectNoMessageUnder(shown: CardJson, inputId: string) {
  expect(elementAfterInput(shown, inputId)?.color).not.toBe('Attention');
}

function containerHeadedBy(shown: unknown, heading: string): JsonObject {
  const container = elementsOfType(shown, 'Container').find((node) => {
    const first = (node.items as JsonObject[] | undefined)?.[0];
    return first?.type === 'TextBlock' && first.text === heading;
  });
  if (!container) throw new Error(`No container headed "${heading}"`);
  return container;
}

const neededIn = (label: MessageKey | string, country: string, named = false) =>
  say('card.accountInfo.neededIn', {
    label: named ? label : say(label as MessageKey),
    country: sayIn('en').text({ country, inSentence: true }),
  });

describe('the account info card', () => {
  const accountCards: ProducedCardName[] = [
    'account info: first',
    'account info: field errors',
    'account info: BR, after a country change from a card with errors',
    'account info: BR, field errors',
    'account info: US, after a country change',
    'account info: IN, after a country change',
    'account info: from Review',
    'account info: IN, country changed from Review',
  ];

  it('has input ids that are exactly the field paths the service validates', () => {
    const paths = fieldPaths(accountInfoFormSchema);
    expect(paths).toContain('address.postalCode');
    for (const name of accountCards) expect(ids(card(name)).sort()).toEqual([...paths].sort());
  });

  it("shows the service's messages under the inputs they concern, and nothing under the others", () => {
    const shown = card('account info: field errors');
    const checked = produced.direct.composed.customers.validateAccountInfo(nestedForm(inputValues(shown)));
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : checked.errors;
    expect(errors.map((error) => error.field)).toEqual(
      expect.arrayContaining(['domainPrefix', 'address.postalCode', 'primaryContact.email']),
    );
    expectMessagesWhereTheServiceSaysThem(shown, errors);
    for (const id of ['country', 'address.line1', 'address.city', 'primaryContact.firstName']) {
      expectNoMessageUnder(shown, id);
    }
    expect(textsAboveTheForm(shown)).toContain(say('accountInfo.checkFields'));
  });

  it("shows the Brazilian rules' messages under the CNPJ, state and phone", () => {
    const shown = card('account info: BR, field errors');
    const checked = produced.direct.composed.customers.validateAccountInfo(nestedForm(inputValues(shown)));
    const errors = checked.ok ? [] : checked.errors;
    expect(errors.map((error) => error.field).sort()).toEqual(
      ['address.state', 'primaryContact.phone', 'registrationNumber'].sort(),
    );
    expectMessagesWhereTheServiceSaysThem(shown, errors);
    expect(String(elementAfterInput(shown, 'registrationNumber')!.text)).toContain('CNPJ');
  });

  it('keeps every value the agent typed', () => {
    const shown = card('account info: field errors');
    for (const [id, value] of Object.entries(typedForms.accountInfoErrors)) {
      expect([id, input(shown, id).value ?? '']).toEqual([id, value]);
    }
    const fromReview = card('account info: from Review');
    for (const [id, value] of Object.entries(dutchCustomer())) {
      expect([id, input(fromReview, id).value ?? '']).toEqual([id, value]);
    }
  });

  it("after a country change shows the new country's form without a message on any field", () => {
    const before = card('account info: field errors');
    const after = card('account info: BR, after a country change from a card with errors');
    expect(attentionTexts(before).length).toBeGreaterThan(0);
    expect(attentionTexts(after)).toEqual([]);
    expect(textsAboveTheForm(after)[0]).toBe(
      say('accountInfo.countryChanged', { country: sayIn('en').text({ country: 'BR', inSentence: true }) }),
    );
    // What was typed stays; what depends on the country starts from its defaults.
    expect(input(after, 'legalName').value).toBe(typedForms.accountInfoErrors.legalName);
    expect(input(after, 'country').value).toBe('BR');
    expect(input(after, 'language').value).toBe('pt');
    expect(input(after, 'culture').value).toBe('pt-BR');
    for (const name of [
      'account info: US, after a country change',
      'account info: IN, after a country change',
    ] as const) {
      expect(attentionTexts(card(name))).toEqual([]);
    }
  });

  it("names Brazil's registration number (CNPJ) in its label and gives its example as placeholder", () => {
    // The dialog once passed neither, while a hand-built fixture of this card had both.
    const rules = countryRules('BR')!;
    expect(rules.registrationNumberName).toBe('CNPJ');
    const brazil = card('account info: BR, after a country change from a card with errors');
    expect(input(brazil, 'registrationNumber')).toMatchObject({
      isRequired: false,
      label: neededIn(say('card.accountInfo.registrationNumberNamed', { name: 'CNPJ' }), 'BR', true),
      placeholder: say('card.form.example', { example: rules.registrationNumberExample! }),
    });
    expect(String(input(brazil, 'registrationNumber').label)).toContain('CNPJ');
    const india = card('account info: IN, after a country change');
    expect(input(india, 'registrationNumber').label).toBe(
      neededIn(say('card.accountInfo.registrationNumberNamed', { name: 'PAN or GSTIN' }), 'IN', true),
    );
    const netherlands = card('account info: first');
    expect(input(netherlands, 'registrationNumber')).toMatchObject({
      label: say('card.accountInfo.registrationNumber'),
    });
    expect(input(netherlands, 'registrationNumber').placeholder).toBeUndefined();
  });

  it("says in the label which fields the country's rules require, leaving the check to the service", () => {
    const netherlands = card('account info: first');
    const india = card('account info: IN, after a country change');
    const brazil = card('account info: BR, after a country change from a card with errors');
    // Not required in the client: the agent may switch country on this card.
    expect(input(netherlands, 'primaryContact.phone')).toMatchObject({
      isRequired: false,
      label: say('card.person.phone'),
    });
    expect(input(india, 'primaryContact.phone')).toMatchObject({
      isRequired: false,
      label: neededIn('card.person.phone', 'IN'),
    });
    expect(input(brazil, 'primaryContact.phone').label).toBe(neededIn('card.person.phone', 'BR'));
    expect(input(netherlands, 'address.city')).toMatchObject({
      isRequired: false,
      label: neededIn('card.accountInfo.city', 'NL'),
    });
    for (const id of [
      'legalName',
      'domainPrefix',
      'country',
      'address.line1',
      'primaryContact.firstName',
      'primaryContact.lastName',
      'primaryContact.email',
    ]) {
      expect(input(netherlands, id)).toMatchObject({ isRequired: true, errorMessage: expect.any(String) });
    }
    expect(input(netherlands, 'address.line2').isRequired).toBeUndefined();
  });

  it('offers the partner markets as a compact choice of country, by name', () => {
    const expected = testPartner.markets
      .map((code) => ({ value: code, title: sayIn('en').text({ country: code }) }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en'));
    expect(input(card('account info: first'), 'country')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      choices: expected,
      value: 'NL',
      isRequired: true,
    });
  });

  it('makes state a choice from the list for the US and free text for the Netherlands', () => {
    const us = countryRules('US')!;
    expect(input(card('account info: US, after a country change'), 'address.state')).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: us.states.map((state) => ({ value: state.code, title: state.name })),
      isRequired: false,
      label: neededIn('card.accountInfo.state', 'US'),
    });
    expect(input(card('account info: first'), 'address.state')).toMatchObject({
      type: 'Input.Text',
      isRequired: false,
      label: say('card.accountInfo.state'),
    });
  });

  it("offers the country's languages and cultures by name", () => {
    for (const [name, code] of [
      ['account info: first', 'NL'],
      ['account info: IN, after a country change', 'IN'],
    ] as const) {
      const rules = countryRules(code)!;
      expect(input(card(name), 'language')).toMatchObject({
        type: 'Input.ChoiceSet',
        choices: rules.languages.map((value) => ({ value, title: sayIn('en').text({ language: value }) })),
        value: rules.languages[0],
      });
      expect(input(card(name), 'culture')).toMatchObject({
        type: 'Input.ChoiceSet',
        choices: rules.cultures.map((value) => ({ value, title: sayIn('en').text({ language: value }) })),
        value: rules.defaultCulture,
      });
    }
  });

  it("gives the country's postal code and phone examples as placeholders", () => {
    for (const [name, code] of [
      ['account info: first', 'NL'],
      ['account info: US, after a country change', 'US'],
      ['account info: IN, after a country change', 'IN'],
    ] as const) {
      const rules = countryRules(code)!;
      expect(input(card(name), 'address.postalCode').placeholder).toBe(
        say('card.form.example', { example: rules.postalCodeExample! }),
      );
      expect(input(card(name), 'primaryContact.phone').placeholder).toBe(
        say('card.form.example', { example: rules.phoneExample! }),
      );
    }
  });

  it('leaves the normalised fields free of client-side patterns', () => {
    expect(inputs(card('account info: first')).filter((node) => 'regex' in node)).toEqual([]);
  });

  it('shows a notice only when there is one', () => {
    expect(textsAboveTheForm(card('account info: first'))).toEqual([
      say('card.accountInfo.title'),
      say('card.accountInfo.intro'),
    ]);
  });

  it('groups the form into Company, Address and Primary contact', () => {
    const shown = card('account info: US, after a country change');
    const idsIn = (heading: MessageKey) => ids(containerHeadedBy(shown, say(heading)));
    expect(idsIn('card.accountInfo.company')).toEqual([
      'legalName',
      'domainPrefix',
      'registrationNumber',
      'language',
      'culture',
    ]);
    expect(idsIn('card.accountInfo.address')).toEqual([
      'country',
      'address.line1',
      'address.line2',
      'address.city',
      'address.state',
      'address.postalCode',
    ]);
    expect(idsIn('card.accountInfo.primaryContact')).toEqual([
      'primaryContact.firstName',
      'primaryContact.lastName',
      'primaryContact.email',
      'primaryContact.phone',
    ]);
  });

  it('leads to the customer agreement, or back to Review when opened from there, and Cancel sends nothing', () => {
    const first = card('account info: first');
    const next = button(first, 'next');
    expect(next.title).toBe(say('card.action.next.mca'));
    expect(next.associatedInputs).toBeUndefined();
    expect(submitData(first)).toEqual([
      { promptId: expect.stringMatching(/^accountInfo:/), action: 'next' },
      { promptId: (next.data as JsonObject).promptId, action: 'cancel' },
    ]);
    expect(button(first, 'cancel')).toMatchObject({
      title: say('card.action.cancel'),
      associatedInputs: 'none',
    });
    for (const name of [
      'account info: from Review',
      'account info: IN, country changed from Review',
    ] as const) {
      expect(button(card(name), 'next').title).toBe(say('card.action.backToReview'));
    }
  });
});

describe('the MCA card', () => {
  const attesting = () => card('MCA: attesting agent');
  const salesAgentAtPlusOne: AgentContext = {
    actor: { agentId: 'local-agent', channel: 'emulator' },
    roles: ['salesAgent'],
    utcOffsetMinutes: 60,
  };

  it('offers attesting and leaving it to the customer as radio buttons, neither chosen: the agent must say', () => {
    expect(input(attesting(), 'kind')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'expanded',
      value: '',
      isRequired: true,
      choices: [
        { value: 'attested', title: say('card.mca.choice.attested') },
        { value: 'customerWillAccept', title: say('card.mca.choice.customerWillAccept') },
      ],
    });
  });

  it('has input ids that are exactly the field paths the service validates', () => {
    const paths = fieldPaths(mcaFormSchema);
    expect(paths).toContain('acceptedBy.email');
    for (const name of ['MCA: attesting agent', 'MCA: future date', 'MCA: indirect provider'] as const) {
      expect(ids(card(name)).sort()).toEqual([...paths].sort());
    }
  });

  it("starts with the primary contact and the agent's today, no later date allowed", () => {
    expect(inputValues(attesting())).toEqual({
      kind: '',
      'acceptedBy.firstName': 'Anna',
      'acceptedBy.lastName': 'Jansen',
      'acceptedBy.email': 'anna.jansen@northwind.nl',
      'acceptedBy.phone': '',
      acceptedOn: today,
    });
    expect(input(attesting(), 'acceptedOn')).toMatchObject({
      type: 'Input.Date',
      max: today,
      // The channel gave the agent's offset, so their today is named.
      errorMessage: say('card.mca.acceptedOn.tooLate', { maxDate: today }),
    });
    expect(attestingAgentTimestamp.startsWith(today)).toBe(true);
  });

  it('shows no warning about ordering, and no problem, when the agent attests', () => {
    const warnings = [
      say('order.mcaPending'),
      say('card.subscriptions.mcaPending'),
      say('card.mca.notAllowed'),
    ];
    for (const name of ['MCA: attesting agent', 'MCA: future date', 'MCA: indirect provider'] as const) {
      for (const warning of warnings) expect(texts(card(name))).not.toContain(warning);
      expect(texts(card(name)).filter((text) => /\border|subscription/i.test(text))).toEqual([]);
    }
    expect(attentionTexts(attesting())).toEqual([]);
  });

  it("shows the service's message about a future date under the date, and keeps the date typed", () => {
    const shown = card('MCA: future date');
    expect(input(shown, 'acceptedOn').value).toBe(typedForms.mcaFutureDate.acceptedOn);
    const checked = produced.direct.composed.customers.validateMca(
      nestedForm(inputValues(shown)),
      salesAgentAtPlusOne,
    );
    const errors = checked.ok ? [] : checked.errors;
    expect(readable(errors)).toEqual([
      expect.objectContaining({
        field: 'acceptedOn',
        message: say('mca.acceptedOn.future', { value: typedForms.mcaFutureDate.acceptedOn, today }),
      }),
    ]);
    expectMessagesWhereTheServiceSaysThem(shown, errors);
    expectNoMessageUnder(shown, 'acceptedBy.firstName');
  });

  it('offers a Global admin no attesting and says why, with no person or date fields', () => {
    const shown = card('MCA: Global admin, may not attest');
    expect(ids(shown)).toEqual(['kind']);
    expect(input(shown, 'kind')).toMatchObject({
      value: 'customerWillAccept',
      choices: [{ value: 'customerWillAccept', title: say('card.mca.choice.customerWillAccept') }],
    });
    expect(JSON.stringify(shown)).not.toContain('"attested"');
    expect(texts(shown)).toContain(say('card.mca.notAllowed'));
  });

  it('leads to Subscriptions for a direct partner, to the reseller for an indirect provider, or back to Review', () => {
    expect(button(attesting(), 'next').title).toBe(say('card.action.next.subscriptions'));
    expect(button(card('MCA: Global admin, may not attest'), 'next').title).toBe(
      say('card.action.next.subscriptions'),
    );
    expect(button(card('MCA: indirect provider'), 'next').title).toBe(say('card.action.next.reseller'));
    expect(button(card('MCA: from Review'), 'next').title).toBe(say('card.action.backToReview'));
    expect(inputValues(card('MCA: from Review')).acceptedOn).toBe('2026-11-20');
  });

  it('submits Next with the inputs and Cancel without, both with the prompt id', () => {
    const [next, cancel] = submitActions(attesting());
    const promptId = (next!.data as JsonObject).promptId;
    expect(promptId).toMatch(/^mca:/);
    expect(submitData(attesting())).toEqual([
      { promptId, action: 'next' },
      { promptId, action: 'cancel' },
    ]);
    expect(next!.associatedInputs).toBeUndefined();
    expect(cancel!.associatedInputs).toBe('none');
  });
});

describe('the reseller card', () => {
  const list = () => card('reseller: list');
  const choiceOf = (reseller: { id: string; name: string; mpnId: string }) => ({
    value: reseller.id,
    title: say('card.reseller.choiceTitle', { name: reseller.name, mpnId: reseller.mpnId }),
  });

  it("lists the resellers active in the customer's country by name and MPN ID, and no reseller for a direct customer", async () => {
    const active = await produced.indirect.composed.catalogue.activeResellers({ country: 'NL' });
    expect(active.length).toBeGreaterThan(0);
    expect(input(list(), 'resellerId')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'expanded',
      label: say('card.reseller.choice'),
      choices: [...active.map(choiceOf), { value: noResellerChoiceValue, title: say('card.reseller.none') }],
    });
    expect(input(list(), 'resellerId').value).toBeUndefined();
  });

  it('has a search box with a Search button that sends the query', () => {
    expect(input(list(), 'resellerQuery')).toMatchObject({ type: 'Input.Text', value: '' });
    const search = button(list(), 'search');
    expect(search).toMatchObject({
      title: say('card.reseller.search'),
      data: { promptId: expect.stringMatching(/^reseller:/), action: 'search' },
    });
    expect(search.associatedInputs).toBeUndefined();
  });

  it('says when the search found nothing and shows every active reseller, and not otherwise', () => {
    const noMatch = card('reseller: search without a match');
    expect(input(noMatch, 'resellerQuery').value).toBe('Tailspin');
    expect(texts(noMatch)).toEqual(
      expect.arrayContaining([
        say('reseller.search.noMatch', { query: 'Tailspin' }),
        say('card.reseller.showingAll'),
      ]),
    );
    expect(input(noMatch, 'resellerId').choices).toEqual(input(list(), 'resellerId').choices);
    expect(texts(list())).not.toContain(say('card.reseller.showingAll'));
  });

  it('asks for a choice right under the list when Next was pressed without one', async () => {
    const shown = card('reseller: no choice made');
    const checked = await produced.indirect.composed.customers.validateReseller('', 'NL');
    const errors = checked.ok ? [] : checked.errors;
    expect(readable(errors)).toEqual([
      expect.objectContaining({ field: 'resellerId', message: say('reseller.required') }),
    ]);
    expectMessagesWhereTheServiceSaysThem(shown, errors);
    expect(attentionTexts(list())).toEqual([]);
  });

  it('leads to Subscriptions, or back to Review with the choice kept when opened from there', () => {
    expect(button(list(), 'next').title).toBe(say('card.action.next.subscriptions'));
    expect(button(list(), 'cancel').associatedInputs).toBe('none');
    const kept = card('reseller: from Review, choice kept');
    expect(button(kept, 'next').title).toBe(say('card.action.backToReview'));
    expect(input(kept, 'resellerId').value).toBe('adventure-works-cloud-partners');
    // Adventure Works does not work in India, where the customer moved: the choice went, and the list has it no more.
    const moved = card('reseller: from Review, after a move');
    expect(button(moved, 'next').title).toBe(say('card.action.backToReview'));
    const choices = input(moved, 'resellerId').choices as JsonObject[];
    expect(choices.map((choice) => choice.value)).not.toContain('adventure-works-cloud-partners');
    expect(input(moved, 'resellerId').value).toBeUndefined();
  });

  it('uses a drop-down list for a long list', () => {
    // Not reachable through the bot: no country has more than 8 active resellers in the catalogue.
    const many = Array.from({ length: 9 }, (_, index) => ({
      id: `reseller-${index}`,
      name: `Reseller ${index}`,
      mpnId: String(5000000 + index),
    }));
    const long = resellerCard(sayIn('en'), {
      promptId: 'reseller:long',
      query: '',
      resellers: many,
      noMatch: false,
      errors: {},
      nextLabel: say('card.action.next.subscriptions'),
    });
    expect(input(long, 'resellerId').style).toBe('compact');
  });
});

describe('the subscriptions card', () => {
  const subscriptionCards = (Object.keys(producedCardNames) as ProducedCardName[]).filter(
    (name) => producedCardNames[name] === 'subscriptions',
  );
  const first = () => card('subscriptions: first');
  let catalogue: ReadonlyMap<string, Offer>;
  beforeAll(async () => {
    const all = (await loadCatalogue()).offers.data.offers;
    catalogue = new Map(all.map((offer) => [offer.id, offer]));
  });
  /** The offers a card lists with Add, in order. */
  const listed = (shown: CardJson) =>
    buttons(shown, 'addLine').map((action) => String((action.data as JsonObject).offerId));
  /** The block of one offer (a result, or the line being changed): the container headed by its name. */
  const offerBlock = (shown: CardJson, offerId: string): JsonObject => {
    const name = catalogue.get(offerId)!.name;
    const block = elementsOfType(shown, 'Container').find((node) => {
      const heading = (node.items as JsonObject[] | undefined)?.[0];
      return heading?.type === 'TextBlock' && readerText(String(heading.text)) === name;
    });
    if (!block) throw new Error(`No block for ${offerId}`);
    return block;
  };

  it('has input ids that are exactly the field paths the order is checked on, and the search box', () => {
    for (const name of subscriptionCards) {
      for (const id of ids(card(name))) {
        const offerId = id.split('.')[1] ?? '';
        expect(
          id === 'offerQuery' || ORDER_FORM_INPUTS.some((field) => id === offerFieldPath(offerId, field)),
        ).toBe(true);
      }
    }
    const paths = listed(first()).flatMap((offerId) =>
      ORDER_FORM_INPUTS.map((field) => offerFieldPath(offerId, field)),
    );
    expect(ids(first()).sort()).toEqual(['offerQuery', ...paths].sort());
  });

  it('lists the most sold in the country before any search, five at a time, each with its name, product family, SKU, licence range and description', () => {
    expect(listed(first())).toEqual([
      'm365-business-premium',
      'm365-business-standard',
      'm365-business-basic',
      'teams-phone-standard',
      'o365-e3',
    ]);
    expect(texts(first())).toContain(
      say('card.subscriptions.bestSellers', {
        country: sayIn('en').text({ country: 'NL', inSentence: true }),
      }),
    );
    for (const offerId of listed(first())) {
      const offer = catalogue.get(offerId)!;
      expect(texts(offerBlock(first(), offerId))).toEqual(
        expect.arrayContaining([
          offer.name,
          offer.description,
          say('card.subscriptions.offerFacts', {
            productFamily: offer.productFamily,
            sku: offer.sku,
            range: say('card.subscriptions.range', { min: offer.minQuantity, max: offer.maxQuantity }),
          }),
        ]),
      );
    }
    expect(button(first(), 'morePage').data).toMatchObject({ cursor: '5' });
  });

  it('asks per offer for licences (empty, no range a client would enforce), a term and a billing frequency from the catalogue', () => {
    for (const offerId of listed(first())) {
      const offer = catalogue.get(offerId)!;
      expect(input(first(), offerFieldPath(offerId, 'quantity'))).toEqual({
        type: 'Input.Number',
        id: offerFieldPath(offerId, 'quantity'),
        label: say('card.subscriptions.quantityOf', { offerName: offer.name }),
        placeholder: say('card.subscriptions.range', { min: offer.minQuantity, max: offer.maxQuantity }),
      });
      const term = input(first(), offerFieldPath(offerId, 'term'));
      expect(term).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', value: 'P1Y' });
      expect((term.choices as JsonObject[]).map((choice) => choice.value)).toEqual(offer.terms);
      const cycle = input(first(), offerFieldPath(offerId, 'billingCycle'));
      expect(cycle).toMatchObject({ value: 'monthly' });
      expect((cycle.choices as JsonObject[]).map((choice) => choice.value)).toEqual(offer.billingCycles);
      expect(button(offerBlock(first(), offerId), 'addLine').associatedInputs).toBeUndefined();
    }
  });

  it('names the base offers of an add-on', () => {
    const teamsPhone = catalogue.get('teams-phone-standard')!;
    const bases = teamsPhone.prerequisiteOfferIds.map((id) => catalogue.get(id)!.name);
    const last = bases.pop()!;
    expect(texts(offerBlock(first(), 'teams-phone-standard'))).toContain(
      say('card.subscriptions.addOnOf', { baseOffers: `${bases.join(', ')} or ${last}` }),
    );
    expect(texts(offerBlock(first(), 'o365-e3')).some((text) => text.startsWith('Add-on'))).toBe(false);
  });

  it("shows the service's messages of Next at each offer, and keeps what was typed", () => {
    const shown = card('subscriptions: field errors');
    expect(input(shown, 'offers.m365-business-premium.quantity').value).toBe(500);
    // "ten" cannot show in a number field; the message quotes it.
    expect(input(shown, 'offers.o365-e3.quantity').value).toBeUndefined();
    const entries = Object.entries(typedForms.subscriptionsErrors).map(([id, quantity]) => ({
      offerId: id.split('.')[1]!,
      quantity,
    }));
    const checked = completeOrder([], entries, {
      offers: [...catalogue.values()],
      country: 'NL',
      countryName: sayIn('en').text({ country: 'NL', inSentence: true }),
      mcaPending: false,
    });
    const errors = checked.ok ? [] : checked.errors;
    // The add-on's base is typed too (refused for its licences), so the add-on itself is not refused.
    expect(errors.map((error) => error.field).sort()).toEqual([
      'offers.m365-business-premium.quantity',
      'offers.o365-e3.quantity',
    ]);
    expectMessagesWhereTheServiceSaysThem(shown, errors);
    expect(input(shown, 'offers.teams-phone-standard.quantity').value).toBe(3);
    expect(attentionTexts(offerBlock(shown, 'teams-phone-standard'))).toEqual([]);
    expectNoMessageUnder(shown, 'offers.m365-business-basic.quantity');
  });

  it('after adding says so, shows the order, and the same search with the offer marked as in the order', () => {
    const shown = card('subscriptions: after adding');
    const line = { offerName: 'Azure plan', count: 1, term: '1 month', billingCycle: 'monthly' };
    expect(textsAboveTheForm(shown)).toContain(say('order.line.added', line));
    expect(texts(shown)).toEqual(
      expect.arrayContaining([
        say('card.subscriptions.order', { count: 1 }),
        say('card.subscriptions.line', line),
        say('card.subscriptions.results', { query: 'azure plan' }),
      ]),
    );
    const azure = offerBlock(shown, 'azure-plan');
    expect(texts(azure)).toContain(say('card.subscriptions.inOrder', { count: 1 }));
    expect(texts(azure).join(' ')).toContain('Exactly 1 licence');
    expect(inputs(azure)).toEqual([]);
    expect(listed(shown)).not.toContain('azure-plan');
  });

  it('takes an add-on without its base, and says at its line what it still needs', () => {
    const shown = card('subscriptions: add-on waiting for its base');
    expect(textsAboveTheForm(shown).join(' ')).toContain('It is an add-on: add one of its base offers too');
    const line = containerOfButton(shown, 'changeLine', 'teams-phone-standard');
    expect(attentionTexts(line)).toEqual([say('order.addOn.needsBase')]);
  });

  it('refuses a line at its inputs with the reason, keeping the order as it was', () => {
    const shown = card('subscriptions: a line refused');
    const under = elementAfterInput(shown, 'offers.m365-business-premium.quantity');
    expect(readerText(String(under?.text))).toBe(
      say('order.quantity.outOfRange', {
        offerName: 'Microsoft 365 Business Premium',
        min: 1,
        max: 300,
        value: '500',
      }),
    );
    expect(input(shown, 'offers.m365-business-premium.quantity').value).toBe(500);
    expect(texts(shown)).toContain(say('card.subscriptions.order', { count: 1 }));
  });

  it('changes a line at the top: its inputs filled in, Save, Remove and Keep as it was, and no search meanwhile', () => {
    const shown = card('subscriptions: changing a line');
    expect(texts(shown)).toContain(say('card.subscriptions.changeLine'));
    expect(ids(shown).sort()).toEqual(
      ORDER_FORM_INPUTS.map((field) => offerFieldPath('teams-phone-standard', field)).sort(),
    );
    expect(input(shown, 'offers.teams-phone-standard.quantity').value).toBe(5);
    const block = offerBlock(shown, 'teams-phone-standard');
    expect(submitData(block).map((data) => data.action)).toEqual(['saveLine', 'removeLine', 'keepLine']);
    expect(button(block, 'saveLine').associatedInputs).toBeUndefined();
    expect(button(block, 'removeLine').associatedInputs).toBe('none');
  });

  it('pages with More and Previous, saying which results it shows', () => {
    const shown = card('subscriptions: more results');
    expect(texts(shown)).toEqual(
      expect.arrayContaining([
        say('card.subscriptions.results', { query: 'e3' }),
        say('card.subscriptions.showing', { first: 6, last: 10 }),
      ]),
    );
    expect(button(shown, 'previousPage').associatedInputs).toBe('none');
    expect(button(shown, 'morePage')).toMatchObject({
      associatedInputs: 'none',
      data: { cursor: expect.any(String) },
    });
    expect(listed(shown)).toHaveLength(5);
  });

  it('says when a search finds nothing, keeps the query, and shows the most sold', () => {
    const shown = card('subscriptions: no match');
    const country = sayIn('en').text({ country: 'NL', inSentence: true });
    expect(texts(shown)).toEqual(
      expect.arrayContaining([
        say('order.search.noMatch', { country, query: typedForms.noMatchQuery }),
        say('card.subscriptions.showingBestSellers', { country }),
        say('card.subscriptions.bestSellers', { country }),
      ]),
    );
    expect(input(shown, 'offerQuery').value).toBe(typedForms.noMatchQuery);
    expect(listed(shown)[0]).toBe('m365-business-premium');
  });

  it('has no inputs while the customer still has to accept the MCA, and says ordering waits', () => {
    const pending = card('subscriptions: MCA pending');
    expect(inputs(pending)).toEqual([]);
    expect(texts(pending)).toContain(say('card.subscriptions.mcaPending'));
    expect(texts(first())).not.toContain(say('card.subscriptions.mcaPending'));
    const promptId = (button(pending, 'next').data as JsonObject).promptId;
    expect(submitData(pending)).toEqual([
      { promptId, action: 'next' },
      { promptId, action: 'cancel' },
    ]);
  });

  it('leads to Review, back to Review with the order kept when opened from there, and Cancel sends nothing', () => {
    expect(button(first(), 'next').title).toBe(say('card.action.next.review'));
    expect(button(first(), 'cancel').associatedInputs).toBe('none');
    const fromReview = card('subscriptions: from Review');
    expect(button(fromReview, 'next').title).toBe(say('card.action.backToReview'));
    expect(texts(fromReview)).toEqual(
      expect.arrayContaining([
        say('card.subscriptions.order', { count: 2 }),
        say('card.subscriptions.line', {
          offerName: 'Azure plan',
          count: 1,
          term: '1 month',
          billingCycle: 'monthly',
        }),
        say('card.subscriptions.line', {
          offerName: 'Microsoft 365 Business Basic',
          count: 10,
          term: '1 year',
          billingCycle: 'monthly',
        }),
      ]),
    );
    expect(buttons(fromReview, 'changeLine').map((action) => (action.data as JsonObject).offerId)).toEqual([
      'azure-plan',
      'm365-business-basic',
    ]);
  });
});

/** The innermost container holding the button with this action on this offer. */
function containerOfButton(shown: CardJson, action: string, offerId: string): JsonObject {
  const holding = elementsOfType(shown, 'Container').filter((node) =>
    submitData(node).some((data) => data.action === action && data.offerId === offerId),
  );
  const innermost = holding.find(
    (node) => !holding.some((other) => other !== node && allObjects(node).includes(other)),
  );
  if (!innermost) throw new Error(`No ${action} button for ${offerId}`);
  return innermost;
}
