import { confirmCancelCard } from '../../cards/confirmCancelCard';
import { formValuesSchema } from '../../cards/formPaths';
import { confirmCancelDialogId } from '../cardPrompt';
import type { CardStep } from '../cardStep';
import { keptDraft } from '../flowResult';

/**
 * "Discard the draft?" Started on top of whatever card waits (typed "cancel" or a card's Cancel):
 * yes discards the draft and ends every dialog; no ends this one, and the card below comes back.
 */
export const confirmCancelStep: CardStep<Record<string, string>, 'discard' | 'keep'> = {
  id: confirmCancelDialogId,
  actions: ['confirmCancel', 'keepDraft'],
  values: formValuesSchema(() => false),
  render: async (turn, { promptId }) => confirmCancelCard(turn.say, { promptId }),
  summary: (turn) => ({ title: turn.say('summary.cancel'), facts: [] }),
  validate: async (turn, { action }) => ({
    ok: true,
    value: action === 'confirmCancel' ? 'discard' : 'keep',
  }),

  async onValid(turn, choice) {
    if (choice === 'keep') {
      await turn.context.sendActivity(turn.say('cancel.kept'));
      return { kind: 'next', result: keptDraft };
    }
    await turn.services.drafts.discard(turn.context);
    await turn.context.sendActivity(turn.say('cancel.done'));
    return { kind: 'endFlow' };
  },
};
