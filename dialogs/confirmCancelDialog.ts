import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { confirmCancelCard } from '../cards/confirmCancelCard';
import { say } from '../services/messages/catalogue';
import { CardPrompt, confirmCancelDialogId, newPromptId, type CardAnswer } from './cardPrompt';
import { cardValuesSchema } from './cardSubmit';
import type { FlowServices } from './flowServices';

const cardPromptId = 'confirmCancelCard';
const waterfallId = 'confirmCancelWaterfall';

/**
 * "Discard the draft?" Started on top of whatever card waits (typed "cancel" or a card's Cancel):
 * yes discards the draft and ends every dialog; no ends this one, and the card below comes back.
 */
export class ConfirmCancelDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(confirmCancelDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        cardValuesSchema([]),
        () => ({ title: say('summary.cancel'), facts: [] }),
        async (_context, promptId) => confirmCancelCard({ promptId }),
        ['confirmCancel', 'keepDraft'],
      ),
    );
    this.addDialog(new WaterfallDialog(waterfallId, [this.ask.bind(this), this.act.bind(this)]));
    this.initialDialogId = waterfallId;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(cardPromptId, { promptId: newPromptId('confirmCancel'), view: {} });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action } = step.result as CardAnswer<unknown>;
    if (action !== 'confirmCancel') {
      await step.context.sendActivity(say('cancel.kept'));
      return step.endDialog();
    }
    await this.services.drafts.discard(step.context);
    await step.context.sendActivity(say('cancel.done'));
    return step.cancelAllDialogs(true);
  }
}
