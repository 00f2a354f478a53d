import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { recentOnboardingsCard } from '../cards/recentOnboardingsCard';
import type { AgentContext } from '../services/customers/customerService';
import { isMessageKey, type MessageKey, type Say } from '../messages/catalogue';
import { sayTo } from './turnLanguage';
import type { OutboxEntry } from '../services/notifications/outboxStore';
import { deliveryAddressSchema, type DeliveryAddress } from '../services/notifications/deliveryAddress';
import type { NotificationState } from '../services/notifications/onboardingNotifications';
import type { FlowServices } from './flowServices';
import { chatKind, readerOf, tenantOf } from './activityFacts';
import { formatDateTime, type Reader } from './readerTime';
import { sendCard } from './sendCard';
import { asTextParams } from '../cards/plainText';

export type ManagerCommand =
  'notifyMe' | 'stopNotifications' | 'notificationState' | 'notifyChannel' | 'recentOnboardings';

const MANAGER_COMMANDS: readonly string[] = [
  'notifyMe',
  'stopNotifications',
  'notificationState',
  'notifyChannel',
  'recentOnboardings',
] satisfies ManagerCommand[];

export function isManagerCommand(command: string): command is ManagerCommand {
  return MANAGER_COMMANDS.includes(command);
}

/** The recent onboardings card's Show and More buttons. */
/** The recent onboardings card's Show and More: anything else it sends is read as text, checked below. */
const typedText = z.unknown().transform((value) => (typeof value === 'string' ? value : ''));
export const recentOnboardingsSubmitSchema = z.looseObject({
  command: z.literal('recentOnboardings'),
  agent: typedText.optional(),
  from: typedText.optional(),
  to: typedText.optional(),
  continuation: typedText.optional(),
});
const maxAgentFilter = 100;
const maxContinuation = 8192;
type RecentOnboardingsSubmit = z.infer<typeof recentOnboardingsSubmitSchema>;

const pageSize = 10;

/**
 * What managers ask of the bot: onboarding notifications on or off, where they go, their state, and
 * the list of recent onboardings. Anyone else is told these are for managers, and nothing changes.
 */
export async function runManagerCommand(
  command: ManagerCommand,
  context: TurnContext,
  services: FlowServices,
): Promise<void> {
  const say = sayTo(context);
  const agent = await services.resolveAgent(context, { current: true });
  if (!services.onboarding.isManager(agent)) {
    await context.sendActivity(say('notify.needRole'));
    return;
  }
  const { notifications } = services;
  const managerId = agent.actor.agentId;
  const name = agent.actor.displayName;
  const where = chatKind(context);
  switch (command) {
    case 'notifyMe':
      if (where !== 'personal') return say1(context, 'notify.personalOnly');
      await notifications.subscribe(managerId, name);
      return say1(context, 'notify.subscribed');
    case 'stopNotifications':
      await notifications.unsubscribe(managerId);
      return say1(context, 'notify.unsubscribed');
    case 'notificationState':
      if (where !== 'personal') return say1(context, 'notify.personalOnly');
      await context.sendActivity(stateText(say, await notifications.state(managerId), readerOf(context)));
      return;
    case 'notifyChannel': {
      if (where !== 'channel') return say1(context, 'notify.channelOnlyInChannel');
      const channel = channelOf(context);
      await notifications.routeToChannel(managerId, channel, name);
      await context.sendActivity(
        say('notify.channelRouted', asTextParams({ channel: channel.name ?? say('notify.channelUnnamed') })),
      );
      return;
    }
    case 'recentOnboardings':
      // The list names customers: shown in a personal chat only, not to everyone in a chat or channel.
      if (where !== 'personal') return say1(context, 'recent.personalOnly');
      return showRecentOnboardings(context, services, agent, { command: 'recentOnboardings' });
  }
}

/** A press of the recent onboardings card's Show or More. */
export async function runRecentOnboardingsSubmit(
  context: TurnContext,
  services: FlowServices,
  submit: RecentOnboardingsSubmit,
): Promise<void> {
  const say = sayTo(context);
  const agent = await services.resolveAgent(context, { current: true });
  if (!services.onboarding.isManager(agent)) {
    await context.sendActivity(say('recent.needRole'));
    return;
  }
  if (chatKind(context) !== 'personal') return say1(context, 'recent.personalOnly');
  await showRecentOnboardings(context, services, agent, submit);
}

async function showRecentOnboardings(
  context: TurnContext,
  services: FlowServices,
  agent: AgentContext,
  submit: RecentOnboardingsSubmit,
): Promise<void> {
  const say = sayTo(context);
  const typed = {
    agent: (submit.agent ?? '').trim().slice(0, maxAgentFilter),
    from: (submit.from ?? '').trim().slice(0, 10),
    to: (submit.to ?? '').trim().slice(0, 10),
  };
  const range =
    (submit.agent ?? '').trim().length > maxAgentFilter
      ? ({ ok: false, key: 'recent.agentTooLong' } as const)
      : timeRange(submit.from ?? '', submit.to ?? '', agent.utcOffsetMinutes ?? 0);
  const reader = readerOf(context);
  if (!range.ok) {
    await sendCard(
      context,
      recentOnboardingsCard(say, { filter: typed, notice: say(range.key), rows: [], more: '' }),
    );
    return;
  }
  const filter = { agent: typed.agent.toLowerCase(), from: range.from, to: range.to };
  let notice = '';
  const continuation =
    submit.continuation && submit.continuation.length <= maxContinuation ? submit.continuation : '';
  let page;
  try {
    page = await services.onboarding.recentOnboardings(filter, {
      pageSize,
      ...(continuation ? { continuationToken: continuation } : {}),
    });
  } catch (error) {
    if (!continuation) throw error;
    // A token the store no longer accepts (or never issued): start from the newest again.
    notice = say('recent.expired');
    page = await services.onboarding.recentOnboardings(filter, { pageSize });
  }
  const rows = page.onboardings.map((row) => ({
    legalName: row.legalName,
    line: say('recent.line', {
      domain: row.domain,
      country: { country: row.country },
      agent:
        row.createdBy.displayName ?? row.createdBy.userPrincipalName ?? say('card.notification.unknownAgent'),
      when: formatDateTime(reader, new Date(row.createdAt)),
      status: say(`status.${row.status}`),
    }),
  }));
  await sendCard(
    context,
    recentOnboardingsCard(say, { filter: typed, notice, rows, more: page.continuationToken ?? '' }),
  );
}

type Range = { ok: true; from: string; to: string } | { ok: false; key: MessageKey };

/** The manager's days from and to (both included), as UTC instants; open ends when not given. */
function timeRange(from: string, to: string, utcOffsetMinutes: number): Range {
  const start = from.trim() ? dayStart(from, utcOffsetMinutes) : '0000-01-01T00:00:00.000Z';
  const end = to.trim() ? dayStart(to, utcOffsetMinutes, 1) : '9999-12-31T23:59:59.999Z';
  if (start === undefined || end === undefined) return { ok: false, key: 'recent.badDate' };
  if (end <= start) return { ok: false, key: 'recent.badRange' };
  return { ok: true, from: start, to: end };
}

function dayStart(typed: string, utcOffsetMinutes: number, plusDays = 0): string | undefined {
  const date = typed.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const midnight = new Date(`${date}T00:00:00.000Z`);
  if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== date) return undefined;
  return new Date(midnight.getTime() + plusDays * 86_400_000 - utcOffsetMinutes * 60_000).toISOString();
}

/** Why a notification failed, in words; a code Teams sent that this bot does not know, as it is. */
function reasonOf(say: Say, error: OutboxEntry['lastError']): string {
  const code = error?.code;
  const key = `notify.reason.${code ?? ''}`;
  if (code && isMessageKey(key)) return say(key);
  const status = error?.status;
  if (
    status === 429 ||
    (status !== undefined && status >= 502) ||
    status === 412 ||
    code === 'REQUEST_SEND_ERROR'
  )
    return say('notify.reason.unavailable');
  if (status === 500) return say('notify.reason.teamsError');
  return say('notify.reason.other', { code: code ?? String(status ?? '?') });
}

function stateText(say: Say, state: NotificationState, reader: Reader): string {
  const lines: string[] = [];
  if (!state.subscribed) lines.push(say('notify.state.off'));
  else if (state.channel && !state.channel.inactive)
    lines.push(
      say(
        'notify.state.channel',
        asTextParams({ channel: state.channel.name ?? say('notify.channelUnnamed') }),
      ),
    );
  else if (state.channel)
    lines.push(
      say(
        'notify.state.channelInactive',
        asTextParams({ channel: state.channel.name ?? say('notify.channelUnnamed') }),
      ),
    );
  else lines.push(say('notify.state.personal'));
  if (state.inactiveCode)
    lines.push(say('notify.state.inactive', { reason: reasonOf(say, { code: state.inactiveCode }) }));
  if (state.waiting > 0) lines.push(say('notify.state.waiting', { count: state.waiting }));
  lines.push(
    state.failed.length > 0
      ? say('notify.state.failed', {
          list: state.failed
            .map((entry) =>
              say(
                'notify.failedItem',
                asTextParams({
                  legalName: entry.legalName,
                  when: formatDateTime(reader, new Date(entry.failedAt ?? entry.createdAt)),
                  reason: reasonOf(say, entry.lastError),
                }),
              ),
            )
            .join('; '),
        })
      : say('notify.state.noFailures'),
  );
  return lines.join('\n\n');
}

async function say1(context: TurnContext, key: MessageKey): Promise<void> {
  const say = sayTo(context);
  await context.sendActivity(say(key));
}

/**
 * The channel this message was posted in (a notification starts a new thread there), and the
 * language of the manager who routes notifications to it.
 */
function channelOf(context: TurnContext): {
  address: DeliveryAddress;
  name?: string;
  teamId?: string;
  locale: string;
} {
  const say = sayTo(context);
  const { channelId, serviceUrl, conversation, recipient, channelData } = context.activity;
  const data = channelData as
    { channel?: { id?: unknown; name?: unknown }; team?: { id?: unknown; name?: unknown } } | undefined;
  // Teams names no channel but General, whose id is the team's; it names the team.
  const name =
    typeof data?.channel?.name === 'string'
      ? data.channel.name
      : typeof data?.team?.name === 'string'
        ? say('notify.generalChannel', { team: data.team.name })
        : undefined;
  const channelConversation =
    typeof data?.channel?.id === 'string' ? data.channel.id : conversation.id.split(';messageid=')[0]!;
  return {
    address: deliveryAddressSchema.parse({
      channelId,
      serviceUrl,
      conversationId: channelConversation,
      ...(tenantOf(context) ? { tenantId: tenantOf(context) } : {}),
      ...(recipient?.id ? { botId: recipient.id } : {}),
    }),
    ...(name ? { name } : {}),
    ...(typeof data?.team?.id === 'string' ? { teamId: data.team.id } : {}),
    locale: readerOf(context).locale,
  };
}
