import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { containerDefinitions } from '../cosmos/containers';
import { deliveryAddressSchema, sameAddress, type DeliveryAddress } from './deliveryAddress';
import { RosterRevision } from './rosterRevision';

/** Why a recipient gets nothing more until they write to the bot again (or it is installed again). */
export const inactiveSchema = z.object({ code: z.string().min(1).max(64), at: z.string() });

/** A person the bot has seen in a personal chat (or a manager it must reach), and their choices. */
export const personSchema = z.object({
  id: z.string(),
  kind: z.literal('person'),
  personId: z.string(),
  displayName: z.string().optional(),
  /** Their personal chat with the bot; absent until it is installed for them or they write. */
  address: deliveryAddressSchema.optional(),
  /** BCP 47, as their client said ("nl-NL"). */
  locale: z.string().max(35).optional(),
  /** IANA time zone, as their client said ("Europe/Amsterdam"). */
  timeZone: z.string().max(64).optional(),
  /** Managers get every onboarding unless they said "stop notifications". */
  subscribed: z.boolean(),
  /** A channel recipient's id: where their notifications go instead of their personal chat. */
  routedTo: z.string().optional(),
  inactive: inactiveSchema.optional(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const channelSchema = z.object({
  id: z.string(),
  kind: z.literal('channel'),
  name: z.string().optional(),
  /** The language and region of the manager who routed notifications here: the card is in it. */
  locale: z.string().max(35).optional(),
  teamId: z.string().optional(),
  address: deliveryAddressSchema,
  inactive: inactiveSchema.optional(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof channelSchema>;

export type Recipient = Person | Channel;
const recipientSchema = z.discriminatedUnion('kind', [personSchema, channelSchema]);

/**
 * How long what this process wrote of a person is trusted before an activity of theirs reads the item
 * again: another instance may have marked them unreachable meanwhile, and writing clears that.
 */
const seenCacheMs = 5 * 60_000;

export const personRecipientId = (personId: string): string => `person:${personId.toLowerCase()}`;
export const channelRecipientId = (conversationId: string): string => `channel:${conversationId}`;

/** What an activity from someone's personal chat tells about them. */
export interface PersonSeen {
  address: DeliveryAddress;
  displayName?: string;
  locale?: string;
  timeZone?: string;
}

/**
 * The recipients of notifications in Cosmos DB, one item each. Every change reads the item and
 * writes it back only if it did not change in between (IfMatch), once more on a clash, and then
 * changes the roster's revision. What an activity tells about a person is written only when it
 * differs from what this process last wrote, so a turn costs no write when nothing changed.
 */
export class RecipientStore {
  /** What this process last wrote of a person, and when: another instance may have changed it since. */
  private readonly lastSeen = new Map<string, { fingerprint: string; at: number }>();

  /** Told of every write, for instances that keep a copy of the recipients. */
  private readonly revision: RosterRevision;

  constructor(
    private readonly container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.revision = new RosterRevision(container);
  }

  static forDatabase(database: Database, now?: () => Date): RecipientStore {
    return new RecipientStore(database.container(containerDefinitions.notificationRecipients.id), now);
  }

  async person(personId: string): Promise<Person | undefined> {
    const found = await this.read(personRecipientId(personId));
    return found?.recipient.kind === 'person' ? found.recipient : undefined;
  }

  async recipient(recipientId: string): Promise<Recipient | undefined> {
    return (await this.read(recipientId))?.recipient;
  }

  /** Every recipient: few (the partner's managers and their channels), read whole. */
  async all(): Promise<Recipient[]> {
    const { resources } = await this.container.items.readAll<ItemDefinition>().fetchAll();
    return resources.flatMap((resource) => {
      const parsed = recipientSchema.safeParse(resource);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Someone wrote in (or installed the bot for) their personal chat: keep the address fresh (Teams may
   * move a conversation to another service URL) and, since they can be reached again, active.
   */
  async seen(personId: string, seen: PersonSeen, options: { fresh?: boolean } = {}): Promise<void> {
    const fingerprint = JSON.stringify([seen.address, seen.displayName, seen.locale, seen.timeZone]);
    const last = this.lastSeen.get(personId);
    const recent = last && this.now().getTime() - last.at < seenCacheMs;
    if (!options.fresh && recent && last.fingerprint === fingerprint) return;
    await this.updatePerson(personId, (person) => {
      const unchanged =
        sameAddress(person.address, seen.address) &&
        person.inactive === undefined &&
        (seen.displayName ?? person.displayName) === person.displayName &&
        (seen.locale ?? person.locale) === person.locale &&
        (seen.timeZone ?? person.timeZone) === person.timeZone;
      if (unchanged) return undefined;
      const rest: Person = { ...person };
      delete rest.inactive;
      return {
        ...rest,
        address: seen.address,
        ...(seen.displayName ? { displayName: seen.displayName } : {}),
        ...(seen.locale ? { locale: seen.locale } : {}),
        ...(seen.timeZone ? { timeZone: seen.timeZone } : {}),
      };
    });
    this.lastSeen.set(personId, { fingerprint, at: this.now().getTime() });
  }

  /** The bot was removed from their personal scope: nothing can be sent there any more. */
  async uninstalled(personId: string): Promise<void> {
    this.lastSeen.delete(personId);
    // Only someone the bot keeps an item for (a manager): nobody else's removal is recorded.
    if (!(await this.person(personId))) return;
    await this.updatePerson(personId, (person) => {
      const rest: Person = { ...person };
      delete rest.address;
      return { ...rest, inactive: { code: 'AppUninstalled', at: this.now().toISOString() } };
    });
  }

  /** "notify me": notifications on, to their personal chat. */
  async subscribe(personId: string, displayName?: string): Promise<Person> {
    return this.updatePerson(personId, (person) => {
      const rest: Person = { ...person };
      delete rest.routedTo;
      return { ...rest, subscribed: true, ...(displayName ? { displayName } : {}) };
    });
  }

  async unsubscribe(personId: string): Promise<Person> {
    return this.updatePerson(personId, (person) => ({ ...person, subscribed: false }));
  }

  /** "notify this channel": the manager's notifications go to the channel instead. */
  async routeToChannel(
    personId: string,
    channel: { address: DeliveryAddress; name?: string; teamId?: string; locale?: string },
    displayName?: string,
  ): Promise<Channel> {
    const id = channelRecipientId(channel.address.conversationId);
    const stored: Channel = {
      id,
      kind: 'channel',
      ...(channel.name ? { name: channel.name } : {}),
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
      ...(channel.locale ? { locale: channel.locale } : {}),
      address: channel.address,
      updatedAt: this.now().toISOString(),
    };
    await this.container.items.upsert(stored);
    await this.revision.changed();
    await this.updatePerson(personId, (person) => ({
      ...person,
      subscribed: true,
      routedTo: id,
      ...(displayName ? { displayName } : {}),
    }));
    return stored;
  }

  /** Teams said this recipient cannot be reached (blocked, removed, disabled): send nothing more. */
  async deactivate(recipientId: string, code: string): Promise<void> {
    const found = await this.read(recipientId);
    if (!found && recipientId.startsWith('person:')) {
      // A manager the bot never talked to, whose chat Teams would not start: remembered as such.
      const personId = recipientId.slice('person:'.length);
      await this.updatePerson(personId, (person) => ({
        ...person,
        inactive: { code, at: this.now().toISOString() },
      }));
      return;
    }
    if (!found || found.recipient.inactive) return;
    if (found.recipient.kind === 'person') this.lastSeen.delete(found.recipient.personId);
    const inactive = { code, at: this.now().toISOString() };
    await this.replace({ ...found.recipient, inactive, updatedAt: inactive.at }, found.etag).catch(
      (error: unknown) => {
        if ((error as { code?: unknown }).code !== 412) throw error;
      },
    );
  }

  /** A new personal chat was started with the person (Teams had lost the old one). */
  async readdressed(personId: string, address: DeliveryAddress): Promise<void> {
    this.lastSeen.delete(personId);
    await this.updatePerson(personId, (person) => ({ ...person, address }));
  }

  /** The team a channel belongs to removed the bot: its channels get nothing more. */
  async teamRemoved(teamId: string): Promise<void> {
    const channels = (await this.all()).filter(
      (recipient): recipient is Channel => recipient.kind === 'channel' && recipient.teamId === teamId,
    );
    await Promise.all(channels.map((channel) => this.deactivate(channel.id, 'AppUninstalled')));
  }

  private async updatePerson(
    personId: string,
    change: (person: Person) => Person | undefined,
  ): Promise<Person> {
    const id = personRecipientId(personId);
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.read(id);
      const current: Person =
        found?.recipient.kind === 'person'
          ? found.recipient
          : { id, kind: 'person', personId, subscribed: true, updatedAt: this.now().toISOString() };
      const next = change(current);
      if (!next) return current;
      const stored = { ...next, updatedAt: this.now().toISOString() };
      try {
        if (found) await this.replace(stored, found.etag);
        else await this.create(stored);
        return stored;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if ((code !== 412 && code !== 409) || attempt >= 3) throw error;
      }
    }
  }

  private async read(id: string): Promise<{ recipient: Recipient; etag: string } | undefined> {
    const { resource, etag } = await this.container.item(id, id).read<ItemDefinition>();
    if (!resource) return undefined;
    const parsed = recipientSchema.safeParse(resource);
    return parsed.success ? { recipient: parsed.data, etag } : undefined;
  }

  private async create(recipient: Recipient): Promise<void> {
    await this.container.items.create(recipient);
    await this.revision.changed();
  }

  private async replace(recipient: Recipient, etag: string): Promise<void> {
    await this.container
      .item(recipient.id, recipient.id)
      .replace(recipient, { accessCondition: { type: 'IfMatch', condition: etag } });
    await this.revision.changed();
  }
}
