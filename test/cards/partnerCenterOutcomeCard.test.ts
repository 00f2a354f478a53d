import { randomUUID } from 'node:crypto';
import { creationMessage, creationOutcomeModel } from '../../bot/partnerCenter/creationAnnouncer';
import { partnerCenterOutcomeCard, partnerCenterOutcomeSummary } from '../../cards/partnerCenterOutcomeCard';
import { sayIn, type Locale, type MessageKey, type MessageParams } from '../../messages/catalogue';
import { containerDefinitions } from '../../services/cosmos/containers';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { CustomerService, DraftInput } from '../../services/customers/customerService';
import { CustomerCreation, type CreationNews } from '../../services/partnerCenter/customerCreation';
import {
  PartnerCenterError,
  type AddressValidation,
  type AgreementAcceptance,
  type AgreementTemplate,
  type CreatedCustomer,
  type NewCustomer,
  type PartnerCenter,
} from '../../services/partnerCenter/partnerCenter';
import { PendingCreations } from '../../services/partnerCenter/pendingCreations';
import { dutchDraft } from '../fixtures/customerDrafts';
import { expectValidCard, expectWithinTeamsLimit } from '../harness/cardValidation';
import { agent, startServiceHarness, type ServiceHarness } from '../harness/serviceHarness';
import { actionsOf } from '../harness/conversationHarness';
import { elementsOfType, facts, readerText, texts } from './cardQueries';
import { elementNames, linkTargets, webChatHtml, webChatReaderText } from './webChatMarkdown';

/**
 * The message the agent gets once Partner Center has answered, drawn from records the real service
 * and creation worker produced: submits through `CustomerService.submit`, then one round of
 * `CustomerCreation`, against a stand-in for Partner Center that answers by domain prefix
 * (`refused…`: the customer refused; `agreement…`: the MCA acceptance refused; else created).
 * What the worker hands the announcer is kept and drawn in English and Dutch.
 */

const markupName = '[click](http://evil.example) **Fabrikam** _Markup_ B.V.';
const refusal = {
  code: '600002',
  description: 'The domain prefix <b>refusedmarkup</b> is [not allowed](http://evil.example) *here*.',
};
const agreementRefusal = {
  code: '600061',
  description: 'The agreement acceptance is not valid for this customer.',
};

/** Partner Center as far as a submit and one creation round need it; nothing here is under test. */
class StandInPartnerCenter implements PartnerCenter {
  /** The temporary password Partner Center gave, by tenant domain. */
  readonly passwords = new Map<string, string>();
  private readonly refuseAgreement = new Set<string>();

  async domainExists(): Promise<boolean> {
    return false;
  }
  async validateAddress(): Promise<AddressValidation> {
    return { status: 'Verified', suggestedAddresses: [] };
  }
  async createCustomer(customer: NewCustomer): Promise<CreatedCustomer> {
    if (customer.domain.startsWith('refused'))
      throw new PartnerCenterError('rejected', { status: 400, ...refusal });
    const id = randomUUID();
    if (customer.domain.startsWith('agreement')) this.refuseAgreement.add(id);
    // Partner Center's passwords hold punctuation that is markdown elsewhere.
    const password = `Kx*${this.passwords.size}_[q]<w>9#${id.slice(0, 4)}`;
    this.passwords.set(customer.domain, password);
    return {
      id,
      tenantId: id,
      domain: customer.domain,
      adminCredentials: { userName: `admin@${customer.domain}`, password },
    };
  }
  async currentCustomerAgreement(): Promise<AgreementTemplate> {
    return { templateId: 'mca-template-1' };
  }
  async confirmCustomerAgreement(customerTenantId: string, _acceptance: AgreementAcceptance): Promise<void> {
    if (this.refuseAgreement.has(customerTenantId))
      throw new PartnerCenterError('rejected', { status: 400, ...agreementRefusal });
  }
  async relationshipRequestLink(): Promise<string> {
    return 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship';
  }
}

interface Announced {
  record: CustomerRecord;
  news: CreationNews;
}

let harness: ServiceHarness;
let service: CustomerService;
const partnerCenter = new StandInPartnerCenter();
/** What the worker told, by legal name. */
const told = new Map<string, Announced>();
/** The records as stored after the round, by legal name. */
const stored = new Map<string, CustomerRecord>();

const customers = {
  created: { legalName: 'Northwind Traders B.V.', domainPrefix: 'northwindpc', locale: 'nl-NL' },
  customerAccepts: { legalName: 'Wachtkamer B.V.', domainPrefix: 'wachtkamerpc', locale: 'en-GB' },
  createdMarkup: { legalName: markupName, domainPrefix: 'markupcreated', locale: 'en-US' },
  rejected: {
    legalName: '<b>Contoso</b> [x](http://evil.example) *Zonen* B.V.',
    domainPrefix: 'refusedmarkup',
    locale: 'en-GB',
  },
  agreementRefused: { legalName: 'Tailspin Toys B.V.', domainPrefix: 'agreementtailspin', locale: 'nl-BE' },
} as const;
type Name = keyof typeof customers;

beforeAll(async () => {
  harness = await startServiceHarness();
  service = harness.service({ partnerCenter });
  for (const [name, customer] of Object.entries(customers) as [Name, (typeof customers)[Name]][]) {
    const draft: DraftInput = dutchDraft({
      legalName: customer.legalName,
      domainPrefix: customer.domainPrefix,
    });
    if (name === 'customerAccepts') {
      draft.mca = { kind: 'customerWillAccept' };
      draft.order = { lines: [] };
    }
    const outcome = await service.submit(draft, {
      idempotencyKey: randomUUID(),
      agent: { ...agent(['salesAgent'], randomUUID()), locale: customer.locale },
    });
    if (outcome.kind !== 'created') throw new Error(`${customer.legalName}: the submit was ${outcome.kind}`);
  }
  const container = harness.database.container(containerDefinitions.customers.id);
  const worker = new CustomerCreation({
    pending: new PendingCreations(container),
    partnerCenter,
    announcer: {
      tell: async (record, news) => {
        told.set(record.accountInfo.legalName, { record, news });
        return true;
      },
    },
    giveBack: (record) => service.giveBack(record),
    log: { info: () => undefined, warn: () => undefined },
  });
  await worker.runOnce();
  for (const { record } of told.values()) {
    const now = await service.getCustomer(record.id);
    stored.set(record.accountInfo.legalName, now!.customer);
  }
}, 120_000);
afterAll(async () => harness?.stop());

function announced(name: Name): Announced {
  const found = told.get(customers[name].legalName);
  if (!found) throw new Error(`The worker told nothing of ${customers[name].legalName}`);
  return found;
}

function draw(name: Name, locale: Locale, record = announced(name).record) {
  const model = creationOutcomeModel(record, announced(name).news);
  return {
    card: partnerCenterOutcomeCard(sayIn(locale), model),
    summary: partnerCenterOutcomeSummary(sayIn(locale), model),
  };
}

const sayAs = (locale: Locale, key: MessageKey, params?: MessageParams) => sayIn(locale)(key, params);
const password = (name: Name) =>
  partnerCenter.passwords.get(`${customers[name].domainPrefix}.onmicrosoft.com`)!;
const passwordRuns = (card: unknown) => elementsOfType(card, 'TextRun').map((run) => String(run.text));
const locales: Locale[] = ['en', 'nl'];
const names = Object.keys(customers) as Name[];

describe('what the creation worker tells', () => {
  it('is one message per customer, of the kind Partner Center answered', () => {
    expect(Object.fromEntries(names.map((name) => [name, announced(name).news.kind]))).toEqual({
      created: 'created',
      customerAccepts: 'created',
      createdMarkup: 'created',
      rejected: 'rejected',
      agreementRefused: 'agreementRefused',
    });
  });
});

describe.each(locales)('the Partner Center outcome cards in %s', (locale) => {
  it.each(names)('%s: a valid Adaptive Card 1.5 within what Teams takes', (name) => {
    const { card, summary } = draw(name, locale);
    expectValidCard(card);
    expect(card.version).toBe('1.5');
    expectWithinTeamsLimit({ type: 'message', summary, attachments: [{ content: card }] });
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('created: the title, the tenant, its admin and the password, said once, with what to do with it', () => {
    const { record } = announced('created');
    const { card, summary } = draw('created', locale);
    const say = (key: MessageKey, params?: MessageParams) => sayAs(locale, key, params);
    expect(texts(card)[0]).toBe(
      say('card.creation.created.title', { legalName: record.accountInfo.legalName }),
    );
    // Partner Center's customer id, as the worker hands it over with the news (before it is stored).
    expect(facts(card)).toEqual([
      { title: say('card.creation.fact.domain'), value: 'northwindpc.onmicrosoft.com' },
      { title: say('card.creation.fact.customerId'), value: record.partnerCenter!.customerId },
      { title: say('card.creation.fact.adminSignInName'), value: 'admin@northwindpc.onmicrosoft.com' },
    ]);
    // Shown exactly as Partner Center gave it: a TextRun is never markdown, so nothing is escaped.
    expect(passwordRuns(card)).toEqual([password('created')]);
    expect(JSON.stringify(card).split(password('created'))).toHaveLength(2);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        say('card.creation.created.intro'),
        say('card.creation.password'),
        readerText(say('card.creation.created.passwordOnce')),
        say('card.creation.created.passwordChange'),
        say('card.creation.created.agreementAttested'),
        say('card.creation.created.underReview'),
      ]),
    );
    expect(texts(card)).not.toContain(say('card.creation.created.agreementByCustomer'));
    expect(summary).toBe(say('card.creation.created.summary', { legalName: record.accountInfo.legalName }));
    expect(summary).not.toContain(password('created'));
  });

  it("created: Partner Center's customer id, once the record holds it", () => {
    const record = stored.get(customers.created.legalName)!;
    expect(record.partnerCenter).toMatchObject({ state: 'created', agreement: 'confirmed' });
    const { card } = draw('created', locale, record);
    expect(facts(card)).toContainEqual({
      title: sayAs(locale, 'card.creation.fact.customerId'),
      value: record.partnerCenter!.customerId,
    });
  });

  it('created, the customer accepts the MCA: its Global admin does so in the Microsoft 365 admin center', () => {
    const { card } = draw('customerAccepts', locale);
    expect(texts(card)).toContain(sayAs(locale, 'card.creation.created.agreementByCustomer'));
    expect(texts(card)).not.toContain(sayAs(locale, 'card.creation.created.agreementAttested'));
    expect(passwordRuns(card)).toEqual([password('customerAccepts')]);
  });

  it("rejected: Partner Center's reason as it gave it, its code, and that nothing was created", () => {
    const { record } = announced('rejected');
    expect(record.partnerCenter).toMatchObject({ state: 'rejected', rejection: refusal });
    const { card, summary } = draw('rejected', locale);
    const say = (key: MessageKey, params?: MessageParams) => sayAs(locale, key, params);
    expect(texts(card)).toEqual([
      say('card.creation.rejected.title', { legalName: customers.rejected.legalName }),
      say('card.creation.reason', refusal),
      say('card.creation.rejected.nothingCreated'),
    ]);
    expect(facts(card)).toEqual([
      { title: say('card.creation.fact.domain'), value: 'refusedmarkup.onmicrosoft.com' },
    ]);
    expect(passwordRuns(card)).toEqual([]);
    expect(summary).toBe(say('card.creation.rejected.summary', { legalName: customers.rejected.legalName }));
    // The one button: a new draft from this record.
    expect(actionsOf(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Submit',
        title: say('card.creation.rejected.addAgain'),
        associatedInputs: 'none',
        data: { command: 'addAgain', customerId: record.id },
      }),
    ]);
  });

  it.each(['created', 'agreementRefused'] as const)('%s: no button', (name) => {
    expect(actionsOf(draw(name, locale).card)).toEqual([]);
  });

  it('agreement refused: the customer exists, the reason, and to confirm it in Partner Center', () => {
    const { record } = announced('agreementRefused');
    expect(record.partnerCenter).toMatchObject({ state: 'created', agreement: 'refused' });
    const { card, summary } = draw('agreementRefused', locale);
    const say = (key: MessageKey, params?: MessageParams) => sayAs(locale, key, params);
    expect(texts(card)).toEqual([
      say('card.creation.agreementRefused.title', { legalName: customers.agreementRefused.legalName }),
      say('card.creation.agreementRefused.exists'),
      say('card.creation.reason', agreementRefusal),
      say('card.creation.agreementRefused.confirm'),
    ]);
    expect(facts(card)).toEqual([
      { title: say('card.creation.fact.domain'), value: 'agreementtailspin.onmicrosoft.com' },
      { title: say('card.creation.fact.customerId'), value: record.partnerCenter!.customerId },
    ]);
    expect(passwordRuns(card)).toEqual([]);
    expect(summary).toBe(
      say('card.creation.agreementRefused.summary', { legalName: customers.agreementRefused.legalName }),
    );
  });

  it('shows a password only on its own created card, never in a summary', () => {
    const every = [...partnerCenter.passwords.values()];
    expect(every).toHaveLength(4);
    for (const name of names) {
      const { card, summary } = draw(name, locale);
      const own = announced(name).news.kind === 'created' ? [password(name)] : [];
      const shown = every.filter((secret) => JSON.stringify(card).includes(secret));
      expect({ name, shown }).toEqual({ name, shown: own });
      expect(every.filter((secret) => summary.includes(secret))).toEqual([]);
    }
  });

  it.each(['createdMarkup', 'rejected'] as const)(
    '%s: markup in the legal name and in the reason is shown as text, never as a link or emphasis',
    (name) => {
      const { card } = draw(name, locale);
      const ownBold = sayAs(locale, 'card.creation.created.passwordOnce');
      const markdown = [
        ...elementsOfType(card, 'TextBlock').map((block) => String(block.text)),
        ...elementsOfType(card, 'FactSet').flatMap((set) =>
          (set.facts as { title: string; value: string }[]).flatMap((fact) => [fact.title, fact.value]),
        ),
      ].filter((text) => text !== ownBold);
      for (const text of markdown) {
        const html = webChatHtml(text);
        expect({ text, elements: elementNames(html), links: linkTargets(html) }).toEqual({
          text,
          elements: ['p'],
          links: [],
        });
      }
      const title = String(elementsOfType(card, 'TextBlock')[0]!.text);
      expect(webChatReaderText(title)).toContain(customers[name].legalName);
      expect(readerText(title)).toContain(customers[name].legalName);
    },
  );
});

describe('the message of a record, in the language the submit recorded', () => {
  it('is Dutch for an agent who submitted in Dutch, English otherwise', () => {
    const dutch = creationMessage(announced('created').record, announced('created').news);
    expect(texts(dutch.card)[0]).toBe(
      sayAs('nl', 'card.creation.created.title', { legalName: customers.created.legalName }),
    );
    expect(dutch.summary).toBe(
      sayAs('nl', 'card.creation.created.summary', { legalName: customers.created.legalName }),
    );
    const english = creationMessage(announced('customerAccepts').record, announced('customerAccepts').news);
    expect(texts(english.card)[0]).toBe(
      sayAs('en', 'card.creation.created.title', { legalName: customers.customerAccepts.legalName }),
    );
    const belgian = creationMessage(announced('agreementRefused').record, announced('agreementRefused').news);
    expect(belgian.summary).toBe(
      sayAs('nl', 'card.creation.agreementRefused.summary', {
        legalName: customers.agreementRefused.legalName,
      }),
    );
  });
});
