import pino from 'pino';
import { randomUUID } from 'node:crypto';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { AdapterNotificationSender } from '../../bot/notifications/notificationSender';
import { ChatCreationAnnouncer } from '../../bot/partnerCenter/creationAnnouncer';
import { sayIn } from '../../messages/catalogue';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { AgentContext, CustomerService } from '../../services/customers/customerService';
import type { DeliveryAddress, DeliveryOrigin } from '../../services/notifications/deliveryAddress';
import type { CreationNews } from '../../services/partnerCenter/customerCreation';
import type {
  AddressValidation,
  AgreementTemplate,
  CreatedCustomer,
  PartnerCenter,
} from '../../services/partnerCenter/partnerCenter';
import { dutchDraft } from '../fixtures/customerDrafts';
import {
  ConnectorRecorder,
  newConversation,
  teamsError,
  type RecordedCall,
} from '../harness/connectorRecorder';
import { cardsOf } from '../harness/conversationHarness';
import { expectValidCard } from '../harness/cardValidation';
import { agent as agentOn, startServiceHarness, type ServiceHarness } from '../harness/serviceHarness';

/**
 * The agent is told what Partner Center made of their customer: through the bot's own adapter and
 * its connector client (`AdapterNotificationSender`), over HTTP, to a local Bot Connector endpoint
 * that records each call and answers what a test scripts. Records come from the real service's
 * submit; the stand-in for Partner Center only lets the submit run.
 */

const tenantId = '5b1c2d3e-4f50-4a6b-9c7d-8e9fa0b1c2d3';

class SubmitOnlyPartnerCenter implements PartnerCenter {
  async domainExists(): Promise<boolean> {
    return false;
  }
  async validateAddress(): Promise<AddressValidation> {
    return { status: 'Verified', suggestedAddresses: [] };
  }
  async createCustomer(): Promise<CreatedCustomer> {
    throw new Error('not used: the worker is not under test');
  }
  async currentCustomerAgreement(): Promise<AgreementTemplate> {
    throw new Error('not used');
  }
  async confirmCustomerAgreement(): Promise<void> {
    throw new Error('not used');
  }
  async relationshipRequestLink(): Promise<string> {
    return 'https://admin.microsoft.com/';
  }
}

let harness: ServiceHarness;
let service: CustomerService;
let teams: ConnectorRecorder;
let announcer: ChatCreationAnnouncer;
/** Every line the announcer logged, as pino wrote it. */
const logLines: string[] = [];
let count = 0;

beforeAll(async () => {
  [harness, teams] = await Promise.all([startServiceHarness(), new ConnectorRecorder().start()]);
  service = harness.service({ partnerCenter: new SubmitOnlyPartnerCenter() });
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const adapter = createAdapter(config, createLogger('silent'));
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  announcer = new ChatCreationAnnouncer({
    sender: new AdapterNotificationSender(adapter, config.bot.appId ?? ''),
    logger,
    backoffMs: 20,
    maxWaitMs: 200,
  });
}, 120_000);
afterAll(async () => {
  await teams?.stop();
  await harness?.stop();
});
beforeEach(() => {
  logLines.length = 0;
});

const origin = (): DeliveryOrigin => ({
  channelId: 'msteams',
  serviceUrl: teams.serviceUrl,
  tenantId,
  botId: '28:bot',
});

/** The agent's personal chat with the bot, as Teams names it. */
function personalChat(agentId: string): DeliveryAddress {
  return {
    channelId: 'msteams',
    serviceUrl: teams.serviceUrl,
    conversationId: `a:personal-${agentId}`,
    tenantId,
    botId: '28:bot',
    userId: `29:${agentId}`,
  };
}

/** A record the service wrote on submit, with where to tell its agent. */
async function submitted(
  where: { personalChat?: boolean; origin?: boolean; locale?: string },
  legalName = `Northwind ${Date.now().toString(36)}${++count} B.V.`,
): Promise<{ record: CustomerRecord; agentId: string }> {
  const agentId = randomUUID();
  const context: AgentContext = {
    ...agentOn(['salesAgent'], agentId, { channel: 'msteams' }),
    ...(where.origin ? { origin: origin() } : {}),
    ...(where.personalChat ? { personalChat: personalChat(agentId) } : {}),
    ...(where.locale ? { locale: where.locale } : {}),
  };
  const outcome = await service.submit(
    dutchDraft({ legalName, domainPrefix: `northwind${Date.now().toString(36)}${count}` }),
    { idempotencyKey: randomUUID(), agent: context },
  );
  if (outcome.kind !== 'created') throw new Error(`The submit was ${outcome.kind}`);
  return { record: outcome.customer, agentId };
}

const created = (password = `Tmp*${randomUUID().slice(0, 8)}_Pw!`): CreationNews & { kind: 'created' } => ({
  kind: 'created',
  admin: { userName: 'admin@northwind.onmicrosoft.com', password },
});

/** Messages with a card a conversation accepted (not the call that started it). */
const delivered = (conversationId: string) =>
  teams.sent(conversationId).filter((activity) => activity.attachments?.length);

/** The calls that started a conversation with this member. */
const startedWith = (memberId: string): RecordedCall[] =>
  teams.calls.filter(
    (call) =>
      call.method === 'POST' &&
      ((call.activity as { members?: { id?: string }[] } | undefined)?.members ?? []).some(
        (member) => member.id === memberId,
      ),
  );

const passwordOf = (card: unknown): string[] =>
  JSON.stringify(card).match(/"type":"TextRun","text":"([^"]*)"/g) ?? [];

describe('telling the agent what Partner Center made of the customer', () => {
  it('sends the card to the personal chat the agent submitted in, in their language', async () => {
    const { record, agentId } = await submitted({ personalChat: true, origin: true, locale: 'nl-NL' });
    const news = created();
    expect(await announcer.tell(record, news)).toBe(true);

    const sent = delivered(`a:personal-${agentId}`);
    expect(sent).toHaveLength(1);
    const [card] = cardsOf(sent);
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain(news.admin.password);
    expect(passwordOf(card)).toHaveLength(1);
    expect(sent[0]!.summary).toBe(
      sayIn('nl')('card.creation.created.summary', { legalName: record.accountInfo.legalName }),
    );
    expect(sent[0]!.summary).not.toContain(news.admin.password);
    expect(startedWith(agentId)).toEqual([]);
    // The log says it was told, and nothing of what.
    expect(logLines.join('\n')).not.toContain(news.admin.password);
    expect(logLines.join('\n')).not.toContain(record.accountInfo.legalName);
  });

  it.each([
    ['404 ConversationNotFound', teamsError(404, 'ConversationNotFound')],
    ['403 BotNotInConversationRoster', teamsError(403, 'BotNotInConversationRoster')],
  ])(
    'starts a new personal chat once when Teams lost the old one (%s), and sends there',
    async (_, answer) => {
      const { record, agentId } = await submitted({ personalChat: true, origin: true });
      teams.script(`a:personal-${agentId}`, [answer]);
      expect(await announcer.tell(record, { kind: 'rejected' })).toBe(true);

      expect(teams.posts(`a:personal-${agentId}`).map((post) => post.status)).toEqual([answer.status]);
      const started = startedWith(agentId);
      expect(started).toHaveLength(1);
      expect(started[0]!.activity).toMatchObject({ members: [{ id: agentId }], tenantId });
      const sent = delivered(started[0]!.conversationId);
      expect(sent).toHaveLength(1);
      const [card] = cardsOf(sent);
      expectValidCard(card);
      expect(sent[0]!.summary).toBe(
        sayIn('en')('card.creation.rejected.summary', { legalName: record.accountInfo.legalName }),
      );
    },
  );

  it('starts the personal chat of an agent who submitted elsewhere in Teams (a channel)', async () => {
    const { record, agentId } = await submitted({ origin: true, locale: 'en-GB' });
    expect(await announcer.tell(record, { kind: 'agreementRefused' })).toBe(true);
    const started = startedWith(agentId);
    expect(started).toHaveLength(1);
    const newChat = started[0]!.conversationId;
    expect(newChat).toMatch(/^conversation-/);
    const cards = delivered(newChat);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.summary).toBe(
      sayIn('en')('card.creation.agreementRefused.summary', { legalName: record.accountInfo.legalName }),
    );
  });

  it('does not start a new chat when the lost one cannot be replaced (no origin): false, one log line', async () => {
    const { record, agentId } = await submitted({ personalChat: true });
    teams.script(`a:personal-${agentId}`, [teamsError(404, 'ConversationNotFound')]);
    expect(await announcer.tell(record, created())).toBe(false);
    expect(startedWith(agentId)).toEqual([]);
    const warnings = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        customerId: record.id,
        news: 'created',
        status: 404,
        code: 'ConversationNotFound',
      }),
    ]);
  });

  it('does not start a new chat with an agent who blocked the bot (403 ConversationBlockedByUser)', async () => {
    const { record, agentId } = await submitted({ personalChat: true, origin: true });
    teams.script(`a:personal-${agentId}`, [teamsError(403, 'ConversationBlockedByUser')]);
    expect(await announcer.tell(record, { kind: 'rejected' })).toBe(false);
    expect(startedWith(agentId)).toEqual([]);
    expect(teams.posts(`a:personal-${agentId}`).map((post) => post.status)).toEqual([403]);
  });

  it('answers false with one log line when there is nowhere to tell the agent', async () => {
    const { record } = await submitted({});
    const before = teams.calls.length;
    expect(await announcer.tell(record, created())).toBe(false);
    expect(teams.calls.length).toBe(before);
    expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 40, customerId: record.id, news: 'created' }),
    ]);
  });

  it('answers false when Teams refuses the message (500), sends it once, and logs no password or name', async () => {
    const legalName = `Geheim ${++count} & Zonen B.V.`;
    const { record, agentId } = await submitted({ personalChat: true, origin: true }, legalName);
    teams.script(`a:personal-${agentId}`, [teamsError(500, 'InternalServerError')]);
    const news = created();
    expect(await announcer.tell(record, news)).toBe(false);

    expect(teams.posts(`a:personal-${agentId}`).map((post) => post.status)).toEqual([500]);
    expect(startedWith(agentId)).toEqual([]);
    const log = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(0);
    expect(log).not.toContain(news.admin.password);
    expect(log).not.toContain(legalName);
    expect(log).not.toContain(record.domain);
    expect(log).not.toContain(record.accountInfo.primaryContact.email);
    expect(JSON.parse(logLines[logLines.length - 1]!)).toMatchObject({
      level: 40,
      customerId: record.id,
      status: 500,
      code: 'InternalServerError',
    });
  });

  it('sends again after a 503 that Teams did not store, and is delivered once', async () => {
    const { record, agentId } = await submitted({ personalChat: true, origin: true });
    teams.script(`a:personal-${agentId}`, [teamsError(503, 'ServiceUnavailable')]);
    expect(await announcer.tell(record, created())).toBe(true);
    expect(teams.posts(`a:personal-${agentId}`).map((post) => post.status)).toEqual([503, 200]);
  });

  it('answers false when Teams will not start the personal chat, logging no password', async () => {
    const { record, agentId } = await submitted({ origin: true });
    teams.script(newConversation, [teamsError(403, 'ForbiddenOperationException')]);
    const news = created();
    expect(await announcer.tell(record, news)).toBe(false);
    expect(teams.sent().filter((activity) => JSON.stringify(activity).includes(agentId))).toEqual([]);
    const log = logLines.join('\n');
    expect(log).not.toContain(news.admin.password);
    expect(log).not.toContain(record.accountInfo.legalName);
    expect(JSON.parse(logLines[logLines.length - 1]!)).toMatchObject({ level: 40, status: 403 });
  });
});
