import type { Database } from '@azure/cosmos';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { composeBot, type ComposedBot } from '../../bot/composeBot';
import { ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import type { PartnerProfile } from '../../services/partner/partnerProfile';
import type { Role } from '../../services/roles/permissions';
import type { PartnerCenter } from '../../services/partnerCenter/partnerCenter';
import { allObjects, readerText } from '../cards/cardQueries';
import { expectValidCard, expectWithinTeamsLimit } from './cardValidation';
import { testPartner } from './serviceHarness';

export interface ConversationHarness {
  database: Database;
  composed: ComposedBot;
  /**
   * A new conversation with an agent; without aadObjectId the local agent (with `localRoles`) stands in.
   * Every driver is the channel's user "user-1" unless `userId` makes it another person.
   */
  agent(options?: AgentOptions): AgentDriver;
  stop(): Promise<void>;
}

export interface AgentOptions {
  channelId?: string;
  aadObjectId?: string;
  localTimestamp?: string;
  /** The channel's id of the person ("user-1" when not given): their choices (language) are theirs. */
  userId?: string;
  /** The locale their client sends with each activity, as Teams does ("nl-NL"). */
  locale?: string;
}

export interface HarnessOptions {
  partner?: Partial<PartnerProfile>;
  localRoles?: Role[];
  now?: () => Date;
  /** Where account info is checked and customers created; none: records only. */
  partnerCenter?: PartnerCenter;
}

/** The real bot (services, dialogs, state in Cosmos DB) on an embedded store, driven through TestAdapter. */
export async function startConversationHarness(options: HarnessOptions = {}): Promise<ConversationHarness> {
  const store: EmbeddedCosmos = await startEmbeddedCosmos();
  const access: CosmosAccess = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
  const { database } = await access.client.databases.createIfNotExists({ id: `dialogs-${randomUUID()}` });
  await ensureContainers(database);
  const composed = await composeBot({
    database,
    partner: { ...testPartner, ...options.partner },
    localAgent: { id: 'local-agent', name: 'Local Agent', roles: options.localRoles ?? ['salesAgent'] },
    ...(options.now ? { now: options.now } : {}),
    ...(options.partnerCenter ? { partnerCenter: options.partnerCenter } : {}),
  });
  return {
    database,
    composed,
    agent: (agentOptions = {}) => new AgentDriver(composed, agentOptions),
    async stop() {
      access.dispose();
      await store.stop();
    },
  };
}

type CardJson = Record<string, unknown> & { body?: unknown[]; actions?: unknown[] };
interface SubmitAction {
  type: string;
  title?: string;
  data?: Record<string, unknown>;
  associatedInputs?: string;
}

/** Records updateActivity, which TestAdapter only applies to replies still queued. */
class RecordingAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    this.updates.push(activity);
    return super.updateActivity(context, activity);
  }
}

/**
 * One agent in one conversation. Submits cards the way Web Chat and Teams do: the inputs' current
 * values (as the card was sent, changed where the agent typed) merged with the button's data.
 */
export class AgentDriver {
  readonly adapter: RecordingAdapter;
  readonly transcript: Partial<Activity>[] = [];

  constructor(composed: ComposedBot, options: AgentOptions) {
    this.adapter = new RecordingAdapter(async (context) => composed.bot.run(context), {
      channelId: options.channelId ?? 'emulator',
      conversation: { id: `conversation-${randomUUID()}` } as Activity['conversation'],
      from: {
        id: options.userId ?? 'user-1',
        name: 'Agent One',
        ...(options.aadObjectId ? { aadObjectId: options.aadObjectId } : {}),
      },
      recipient: { id: 'bot', name: 'Bot' },
    });
    this.localTimestamp = options.localTimestamp;
    this.locale = options.locale;
  }

  private readonly localTimestamp: string | undefined;
  private readonly locale: string | undefined;

  /** Sends an activity and answers the replies of that turn; every card is validated and measured as Teams counts it. */
  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = this.transcript.length;
    const updatesBefore = this.adapter.updates.length;
    await this.adapter.processActivity({
      type: 'message',
      ...(this.localTimestamp ? { localTimestamp: this.localTimestamp as unknown as Date } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...activity,
    });
    while (this.adapter.activeQueue.length > 0) {
      const reply = this.adapter.activeQueue.shift()!;
      expectSendable(reply);
      this.transcript.push(reply);
    }
    // A card replaced in place (Teams) is sent too.
    this.adapter.updates.slice(updatesBefore).forEach(expectSendable);
    return this.transcript.slice(before);
  }

  say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ text });
  }

  /** The latest Adaptive Card the bot sent. */
  lastCard(): CardJson {
    const cards = cardsOf(this.transcript);
    const card = cards[cards.length - 1];
    if (!card) throw new Error('The bot has sent no card');
    return card;
  }

  /**
   * Presses the button whose data has this action (and matches `where`) on the latest card that
   * has one, with these inputs changed.
   */
  async submit(action: string, inputs: Record<string, string> = {}, where: Record<string, unknown> = {}) {
    const { message, card, button } = this.findButton(action, where);
    const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card), ...inputs };
    return this.send({ value: { ...values, ...button.data }, ...replyTo(message) });
  }

  /** Presses a button on a card sent earlier (a stale card). */
  async submitOn(card: CardJson, action: string, inputs: Record<string, string> = {}) {
    const button = actionsOf(card).find((candidate) => candidate.data?.action === action);
    if (!button) throw new Error(`No "${action}" button on that card`);
    const message = this.transcript.find((activity) => cardsOf([activity]).includes(card));
    return this.send({ value: { ...inputValues(card), ...inputs, ...button.data }, ...replyTo(message) });
  }

  private findButton(action: string, where: Record<string, unknown>) {
    for (const message of [...this.transcript].reverse()) {
      for (const card of cardsOf([message]).reverse()) {
        const button = actionsOf(card).find(
          (candidate) =>
            (candidate.data?.action === action || candidate.data?.command === action) &&
            Object.entries(where).every(([key, value]) => candidate.data?.[key] === value),
        );
        if (button) return { message, card, button };
      }
    }
    throw new Error(`No card with a "${action}" button ${JSON.stringify(where)}`);
  }
}

/** Every card valid, and the whole activity within the size Teams accepts. */
function expectSendable(activity: Partial<Activity>): void {
  for (const card of cardsOf([activity])) expectValidCard(card);
  expectWithinTeamsLimit(activity);
}

/** Channels send a card submit as a reply to the message that carried the card. */
function replyTo(message: Partial<Activity> | undefined): Partial<Activity> {
  return message?.id ? { replyToId: message.id } : {};
}

export function cardsOf(activities: Partial<Activity>[]): CardJson[] {
  return activities.flatMap((activity) =>
    (activity.attachments ?? [])
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((attachment) => attachment.content as CardJson),
  );
}

export function textsOf(activities: Partial<Activity>[]): string[] {
  return activities
    .filter((activity) => typeof activity.text === 'string' && activity.text)
    .map((a) => a.text!);
}

/** Every object of a card (elements, actions, choices, facts), depth first. */
export function elementsOf(node: unknown): Record<string, unknown>[] {
  return allObjects(node);
}

export function actionsOf(card: CardJson): SubmitAction[] {
  return elementsOf(card).filter((element) => element.type === 'Action.Submit') as unknown as SubmitAction[];
}

/** The inputs of a card with the values they show. */
export function inputValues(card: CardJson): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of elementsOf(card)) {
    if (
      typeof element.type === 'string' &&
      element.type.startsWith('Input.') &&
      typeof element.id === 'string'
    ) {
      values[element.id] = element.value === undefined ? '' : String(element.value);
    }
  }
  return values;
}

/** The input with this id. */
export function inputOf(card: CardJson, id: string): Record<string, unknown> | undefined {
  return elementsOf(card).find(
    (element) => element.id === id && typeof element.type === 'string' && element.type.startsWith('Input.'),
  );
}

/** Every TextBlock text and fact on the card, for asserting what the agent reads. */
export function visibleText(card: CardJson): string {
  return elementsOf(card)
    .flatMap((element) => {
      if (element.type === 'TextBlock') return [readerText(String(element.text))];
      if (element.type === 'FactSet') {
        return ((element.facts as { title: string; value: string }[]) ?? []).map(
          (f) => `${readerText(f.title)}: ${readerText(f.value)}`,
        );
      }
      return [];
    })
    .join('\n');
}
