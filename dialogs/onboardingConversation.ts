import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DialogSet, type DialogContext, type DialogState } from './dialogKit';
import { helpCard } from '../cards/helpCard';
import { welcomeCard } from '../cards/welcomeCard';
import { sayTo } from './turnLanguage';
import { addCustomerDialogId, addCustomerDialogs } from './addCustomerDialog';
import { confirmCancelDialogId, staleCardMessage } from './cardPrompt';
import { addAgainSchema, commandSchema, submitEnvelopeSchema } from './cardSubmit';
import { draftFromRefused, newDraft } from './draft';
import { asTextParams } from '../cards/plainText';
import { reasonLines } from '../cards/partnerCenterOutcomeCard';
import type { FlowServices } from './flowServices';
import { chatKind, personalAddress, readerOf } from './activityFacts';
import { commandPhrases, languageNames, type CommandId } from '../messages/commands';
import { LOCALES, type Locale } from '../messages/catalogue';
import { languageCard } from '../cards/languageCard';
import { languagesByOwnName } from './agentLanguage';
import {
  isManagerCommand,
  recentOnboardingsSubmitSchema,
  runManagerCommand,
  runRecentOnboardingsSubmit,
} from './managerCommands';
import { sendCard } from './sendCard';

type Intent =
  | Exclude<CommandId, 'language'>
  | 'recentOnboardingsSubmit'
  | { language: Locale | 'choose' }
  | { addAgain: string }
  | 'other';

/**
 * The conversation with an agent: commands that work at any step ("add customer", "help",
 * "cancel", typed or the waiting card's Cancel button), handled here and nowhere else, the welcome
 * card, and everything else handed to the dialog that waits.
 */
export class OnboardingConversation {
  private readonly dialogs: DialogSet;

  constructor(
    dialogState: StatePropertyAccessor<DialogState>,
    private readonly services: FlowServices,
  ) {
    this.dialogs = new DialogSet(dialogState);
    for (const dialog of addCustomerDialogs(services)) this.dialogs.add(dialog);
  }

  /** Decides the language of the turn, before anything is said. */
  async beginTurn(context: TurnContext): Promise<void> {
    await this.services.language.beginTurn(context);
  }

  /**
   * The welcome card. In a group chat or channel it is for everyone there, so it offers the button to
   * all (each agent's role is checked when they press it) rather than judging by who added the bot.
   */
  async welcome(context: TurnContext): Promise<void> {
    const say = sayTo(context);
    if (context.activity.conversation?.isGroup) {
      await sendCard(context, welcomeCard(say, { mayAddCustomers: true, sharedChat: true, manager: false }));
      return;
    }
    const agent = await this.services.resolveAgent(context);
    const mayAddCustomers = this.services.onboarding.mayAddCustomers(agent);
    const manager = this.services.onboarding.isManager(agent);
    await sendCard(context, welcomeCard(say, { mayAddCustomers, sharedChat: false, manager }));
  }

  /**
   * A manager's personal chat is where their notifications go: each activity from it keeps its
   * address fresh (written only when it changed, or, `fresh`, read again: another instance may have
   * marked them unreachable, and hearing from them clears that).
   */
  async notePresence(context: TurnContext, options: { fresh?: boolean } = {}): Promise<void> {
    if (chatKind(context) !== 'personal') return;
    if (!(await this.isManager(context))) return;
    const agent = await this.services.resolveAgent(context);
    await this.services.notifications.seen(
      agent.actor.agentId,
      {
        address: personalAddress(context),
        ...(agent.actor.displayName ? { displayName: agent.actor.displayName } : {}),
        ...readerOf(context),
      },
      options,
    );
  }

  private async isManager(context: TurnContext): Promise<boolean> {
    return (await this.readerRoles(context)).manager;
  }

  private async readerRoles(context: TurnContext): Promise<{ manager: boolean; mayAddCustomers: boolean }> {
    const agent = await this.services.resolveAgent(context);
    const { onboarding } = this.services;
    return { manager: onboarding.isManager(agent), mayAddCustomers: onboarding.mayAddCustomers(agent) };
  }

  /** A manager who does not add customers is not pointed at "add customer". */
  private async unknownTextKey(
    context: TurnContext,
  ): Promise<'flow.unknownText' | 'flow.unknownTextManager'> {
    const { manager, mayAddCustomers } = await this.readerRoles(context);
    return manager && !mayAddCustomers ? 'flow.unknownTextManager' : 'flow.unknownText';
  }

  /** The bot was removed: from a person's personal scope, or from a team. */
  async uninstalled(context: TurnContext): Promise<void> {
    const team = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    if (typeof team === 'string') return this.services.notifications.teamRemoved(team);
    if (chatKind(context) !== 'personal') return;
    const agent = await this.services.resolveAgent(context);
    await this.services.notifications.uninstalled(agent.actor.agentId);
  }

  async onMessage(context: TurnContext): Promise<void> {
    const say = sayTo(context);
    const dc = await this.dialogs.createContext(context);
    await this.dropOutdatedDraft(dc);
    const inFlow = dc.activeDialog !== undefined;
    const intent = intentOf(context, waitingPromptId(dc));
    await this.notePresence(context, { fresh: typeof intent === 'string' && isManagerCommand(intent) });
    if (typeof intent === 'object')
      return 'addAgain' in intent
        ? this.addAgain(dc, intent.addAgain, inFlow)
        : this.language(dc, intent.language);
    switch (intent) {
      case 'help':
        await sendCard(context, helpCard(say, { inFlow, ...(await this.readerRoles(context)) }));
        if (inFlow) await dc.repromptDialog();
        return;
      case 'recentOnboardingsSubmit':
        await runRecentOnboardingsSubmit(
          context,
          this.services,
          recentOnboardingsSubmitSchema.parse(context.activity.value),
        );
        if (inFlow) await dc.repromptDialog();
        return;
      case 'notifyMe':
      case 'stopNotifications':
      case 'notificationState':
      case 'notifyChannel':
      case 'recentOnboardings':
        await runManagerCommand(intent, context, this.services);
        if (inFlow) await dc.repromptDialog();
        return;
      case 'cancel':
        return this.cancel(dc);
      case 'addCustomer':
        if (inFlow) {
          await context.sendActivity(say('flow.alreadyRunning'));
          await dc.repromptDialog();
          return;
        }
        return this.start(dc);
      case 'other':
        if (inFlow) {
          await dc.continueDialog();
          return;
        }
        await context.sendActivity(
          submitEnvelopeSchema.safeParse(context.activity.value).success
            ? say(staleCardMessage(context, 'card.staleNoFlow'))
            : say(await this.unknownTextKey(context)),
        );
    }
  }

  /**
   * `language` alone shows the languages to choose from; `taal engels`, `language nl` or a button of
   * that card switches at once, says so in the new language and draws the waiting card again in it.
   */
  private async language(dc: DialogContext, wanted: Locale | 'choose'): Promise<void> {
    const { context } = dc;
    if (wanted === 'choose') {
      await sendCard(context, languageCard(sayTo(context), { languages: languagesByOwnName() }));
      return;
    }
    await this.services.language.choose(context, wanted);
    await this.notePresence(context);
    await context.sendActivity(sayTo(context)('language.changed'));
    if (dc.activeDialog) await dc.repromptDialog();
  }

  /**
   * A draft saved by an earlier version of the bot (a dialog it no longer has, a draft of another
   * shape) cannot be continued: rather than failing at every message, it is discarded and the agent
   * told so, once. Nothing confirmed is lost: a draft was never submitted.
   */
  private async dropOutdatedDraft(dc: DialogContext): Promise<void> {
    if (!dc.activeDialog) return;
    const say = sayTo(dc.context);
    const known = dc.stack.every((instance) => this.dialogs.find(instance.id) !== undefined);
    if (known && (await this.services.drafts.isReadable(dc.context))) return;
    await dc.cancelAllDialogs();
    await this.services.drafts.discard(dc.context);
    await dc.context.sendActivity(say('flow.outdatedDraft'));
  }

  /** Role gate first: anyone without a role that may add customers is told why, and nothing starts. */
  private async start(dc: DialogContext): Promise<void> {
    const say = sayTo(dc.context);
    const agent = await this.services.resolveAgent(dc.context);
    if (!this.services.onboarding.mayAddCustomers(agent)) {
      await dc.context.sendActivity(say('roles.addCustomer.notAllowed'));
      return;
    }
    await this.services.drafts.write(dc.context, newDraft(this.services.now()));
    await dc.beginDialog(addCustomerDialogId);
  }

  /**
   * "Add it again" on the message that Partner Center refused a customer: a new draft holding what the
   * agent had entered, from the account info card on, each card to confirm again. Only for the agent
   * who submitted it, only while its record says refused, and never over a draft in progress.
   */
  private async addAgain(dc: DialogContext, customerId: string, inFlow: boolean): Promise<void> {
    const { context } = dc;
    const say = sayTo(context);
    if (chatKind(context) !== 'personal') {
      await context.sendActivity(say('addAgain.personalOnly'));
      return;
    }
    if (inFlow) {
      await context.sendActivity(say('flow.alreadyRunning'));
      await dc.repromptDialog();
      return;
    }
    const agent = await this.services.resolveAgent(context);
    if (!this.services.onboarding.mayAddCustomers(agent)) {
      await context.sendActivity(say('roles.addCustomer.notAllowed'));
      return;
    }
    const refused = z.uuid().safeParse(customerId).success
      ? await this.services.onboarding.refusedCustomer(customerId, agent)
      : ({ kind: 'notFound' } as const);
    if (refused.kind === 'notFound') {
      await context.sendActivity(say('addAgain.notFound'));
      return;
    }
    if (refused.kind !== 'refused') {
      await context.sendActivity(
        say(`addAgain.${refused.kind}`, asTextParams({ legalName: refused.legalName })),
      );
      return;
    }
    await this.services.drafts.write(context, draftFromRefused(customerId, refused, this.services.now()));
    const { reason, leftOut } = refused;
    const lines = [
      say('addAgain.started', asTextParams({ legalName: refused.legalName })),
      ...reasonLines(say, reason),
      ...(leftOut.offers.length > 0
        ? [say('addAgain.offersLeftOut', asTextParams({ offers: leftOut.offers.join(', ') }))]
        : []),
      ...(leftOut.reseller
        ? [say('addAgain.resellerLeftOut', asTextParams({ reseller: leftOut.reseller }))]
        : []),
    ];
    await context.sendActivity(lines.join('\n\n'));
    await dc.beginDialog(addCustomerDialogId);
  }

  /** Asks to confirm on top of the card that waits, so "keep the draft" brings that card back. */
  private async cancel(dc: DialogContext): Promise<void> {
    const say = sayTo(dc.context);
    if (!dc.activeDialog) {
      await dc.context.sendActivity(say('cancel.nothing'));
      return;
    }
    if (dc.activeDialog.id === confirmCancelDialogId) {
      await dc.repromptDialog();
      return;
    }
    await dc.beginDialog(confirmCancelDialogId);
  }
}

/** The prompt id of the card that waits, if any: only that card's Cancel button cancels. */
function waitingPromptId(dc: DialogContext): string | undefined {
  const state: unknown = dc.activeDialog?.state;
  const promptId =
    typeof state === 'object' && state !== null ? (state as { promptId?: unknown }).promptId : undefined;
  return typeof promptId === 'string' ? promptId : undefined;
}

/** Every language's words for each command: an agent may type either language's. */
const phrases = new Map<string, Exclude<CommandId, 'language'> | 'language'>(
  Object.values(commandPhrases).flatMap((byCommand) =>
    (Object.entries(byCommand) as [CommandId, readonly string[]][]).flatMap(([command, list]) =>
      list.map((phrase) => [phrase, command] as const),
    ),
  ),
);

/** "english", "nederlands", "nl", "dutch", "engels": the language they name. */
const languagesByName = new Map<string, Locale>(
  Object.values(languageNames).flatMap((byLocale) =>
    (Object.entries(byLocale) as [Locale, readonly string[]][]).flatMap(([locale, names]) =>
      names.map((name) => [name, locale] as const),
    ),
  ),
);

const languageSubmitSchema = z.looseObject({ command: z.literal('language'), locale: z.enum(LOCALES) });

function intentOf(context: TurnContext, waitingPrompt: string | undefined): Intent {
  const { text, value } = context.activity;
  if (commandSchema.safeParse(value).success) return 'addCustomer';
  const addAgain = addAgainSchema.safeParse(value);
  if (addAgain.success) return { addAgain: addAgain.data.customerId };
  if (recentOnboardingsSubmitSchema.safeParse(value).success) return 'recentOnboardingsSubmit';
  const languageSubmit = languageSubmitSchema.safeParse(value);
  if (languageSubmit.success) return { language: languageSubmit.data.locale };
  const submit = submitEnvelopeSchema.safeParse(value);
  if (submit.success && submit.data.action === 'cancel' && submit.data.promptId === waitingPrompt)
    return 'cancel';
  if (typeof text !== 'string' || value !== undefined) return 'other';
  // Case, runs of spaces (a non-breaking one too) and closing punctuation do not change a command.
  const typed = text
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(?<=\S)\s*[.!?]+$/, '');
  const command = phrases.get(typed);
  if (command === 'language') return { language: 'choose' };
  if (command) return command;
  return languageNamed(typed);
}

/** "taal engels", "language nl", or a language's own name alone ("Nederlands", "English"). */
function languageNamed(typed: string): Intent {
  const [first, ...rest] = typed.split(' ');
  const named = rest.length > 0 && phrases.get(first ?? '') === 'language' ? rest.join(' ') : typed;
  const locale = languagesByName.get(named);
  if (!locale) return 'other';
  // A bare "nl" or "en" is too short to be meant as a command.
  return named === typed && named.length <= 2 ? 'other' : { language: locale };
}
