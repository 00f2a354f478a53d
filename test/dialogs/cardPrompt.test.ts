import { AgentLanguage } from '../../dialogs/agentLanguage';
import { sayIn } from '../../messages/catalogue';
import { ConversationState, MemoryStorage, UserState, type TurnContext } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { AdaptiveCardJson } from '../../cards/cardModels';
import { formValuesSchema } from '../../cards/formPaths';
import { CardPrompt } from '../../dialogs/cardPrompt';
import type { CardStep } from '../../dialogs/cardStep';
import { DraftStore, newDraft } from '../../dialogs/draft';
import type { FlowServices } from '../../dialogs/flowServices';
import { messagesByField } from '../../dialogs/stepView';
import type { OnboardingNotifications } from '../../services/notifications/onboardingNotifications';
import type { OnboardingService } from '../../services/onboarding/onboardingService';

/** A one-input step: the city, which must not be empty. The card shows its prompt id and messages. */
const answersSeen: Record<string, string>[] = [];
const cityStep: CardStep<Record<string, string>, string> = {
  id: 'city',
  actions: ['next'],
  values: formValuesSchema((id) => id === 'city'),
  async render(_turn, { promptId, view }) {
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'city', label: 'City' },
        { type: 'TextBlock', text: messagesByField(sayIn('en'), view.problems).city ?? '' },
      ],
      actions: [{ type: 'Action.Submit', title: 'Next', data: { promptId, action: 'next' } }],
    } as AdaptiveCardJson;
  },
  summary: (_turn, { values }) => ({
    title: 'City given',
    facts: [{ title: 'City', value: values.city ?? '' }],
  }),
  async validate(_turn, { values }) {
    answersSeen.push(values);
    return values.city?.trim()
      ? { ok: true, value: values.city.trim() }
      : {
          ok: false,
          view: { problems: [{ field: 'city', key: 'field.required', params: { label: 'City' } }] },
        };
  },
  async onValid(turn, city) {
    turn.draft.values.accountInfo['address.city'] = city;
    return { kind: 'next', result: { kind: 'created', customerId: city } };
  },
};

function client() {
  const state = new ConversationState(new MemoryStorage());
  const drafts = new DraftStore(state.createProperty('draft'));
  const services: FlowServices = {
    onboarding: {} as OnboardingService,
    notifications: {} as OnboardingNotifications,
    drafts,
    resolveAgent: async () => ({ actor: { agentId: 'a', channel: 'test' }, roles: ['salesAgent'] }),
    language: new AgentLanguage(
      new UserState(new MemoryStorage()).createProperty('language'),
      state.createProperty('language'),
    ),
    now: () => new Date('2026-11-30T12:00:00Z'),
  };
  const withDraft = {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      if (!(await drafts.read(context))) await drafts.write(context, newDraft(services.now()));
      await next();
    },
  };
  return {
    test: new DialogTestClient('emulator', new CardPrompt(cityStep, services), undefined, [withDraft], state),
    drafts,
  };
}

const cardOf = (reply: { attachments?: { content?: unknown }[] } | undefined) =>
  reply?.attachments?.[0]?.content as AdaptiveCardJson & { actions: { data: { promptId: string } }[] };
const promptIdOf = (reply: Parameters<typeof cardOf>[0]) => cardOf(reply).actions[0]!.data.promptId;

describe('the card prompt', () => {
  it("sends its step's card, and ends with what the step's onValid says for an answer it accepts", async () => {
    const { test } = client();
    const promptId = promptIdOf(await test.sendActivity('start'));
    expect(promptId).toMatch(/^city:/);
    await test.sendActivity({ value: { promptId, action: 'next', city: ' Delft ' } });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(test.dialogTurnResult.result).toEqual({ kind: 'created', customerId: 'Delft' });
  });

  it("draws the card again with the validator's messages and a new prompt id; the older card is then stale", async () => {
    const { test } = client();
    const first = promptIdOf(await test.sendActivity('start'));
    const again = await test.sendActivity({ value: { promptId: first, action: 'next', city: '  ' } });
    expect(JSON.stringify(cardOf(again))).toContain('Enter City');
    const second = promptIdOf(again);
    expect(second).not.toBe(first);
    const stale = await test.sendActivity({ value: { promptId: first, action: 'next', city: 'Delft' } });
    expect(stale.text).toMatch(/no longer active, so nothing changed/);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    await test.sendActivity({ value: { promptId: second, action: 'next', city: 'Delft' } });
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('answers a submit of another card politely, keeps waiting and sends nothing else', async () => {
    const { test } = client();
    await test.sendActivity('start');
    const reply = await test.sendActivity({ value: { promptId: 'city:0', action: 'next', city: 'Delft' } });
    expect(reply.text).toMatch(/no longer active, so nothing changed/);
    expect(test.getNextReply()).toBeUndefined();
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('answers typed text with a hint and the same card again', async () => {
    const { test } = client();
    const promptId = promptIdOf(await test.sendActivity('start'));
    const hint = await test.sendActivity('Delft');
    expect(hint.text).toMatch(/waiting for your answer/);
    expect(promptIdOf(test.getNextReply())).toBe(promptId);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });

  it('answers a submit it cannot read, or one naming an action its card does not have, with the card again', async () => {
    const { test } = client();
    const promptId = promptIdOf(await test.sendActivity('start'));
    for (const value of [{ promptId }, { promptId, action: 'delete', city: 'Delft' }, 'not an object']) {
      const reply = await test.sendActivity({ value });
      expect(reply.text).toMatch(/could not read/);
      expect(promptIdOf(test.getNextReply())).toBe(promptId);
      expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    }
  });

  it('keeps no value that is not text and no input the card does not have', async () => {
    const { test, drafts } = client();
    const promptId = promptIdOf(await test.sendActivity('start'));
    const again = await test.sendActivity({
      value: { promptId, action: 'next', city: { $ne: 1 }, admin: 'yes' },
    });
    expect(JSON.stringify(cardOf(again))).toContain('Enter City');
    expect(drafts).toBeDefined();
  });

  it('ignores activities that are not messages', async () => {
    const { test } = client();
    await test.sendActivity('start');
    await test.sendActivity({ type: 'typing' });
    expect(test.getNextReply()).toBeUndefined();
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
