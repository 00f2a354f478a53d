import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { noResellerChoiceValue, type FieldMessages } from '../../cards/cardModels';
import { resellerCard } from '../../cards/resellerCard';
import { say } from '../../services/messages/catalogue';
import { CardPrompt, newPromptId, type CardAnswer } from '../cardPrompt';
import { cardValuesSchema } from '../cardSubmit';
import type { FlowServices } from '../flowServices';
import { messagesByInput } from '../forms';

export const resellerDialogId = 'resellerStep';
const cardPromptId = 'resellerCard';
const waterfallId = 'resellerWaterfall';
const resellerInputs = ['resellerQuery', 'resellerId'] as const;
type ResellerValues = Partial<Record<(typeof resellerInputs)[number], string>>;

type ResellerOptions = {
  query?: string;
  errors?: FieldMessages;
};

/** Step 3, indirect providers only: the indirect reseller, or none (a direct customer). */
export class ResellerDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(resellerDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        cardValuesSchema(resellerInputs),
        () => ({ title: say('summary.reseller'), facts: [] }),
        this.render.bind(this),
        ['next', 'search'],
      ),
    );
    this.addDialog(new WaterfallDialog(waterfallId, [this.show.bind(this), this.check.bind(this)]));
    this.initialDialogId = waterfallId;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { query = '', errors = {} } = (step.options ?? {}) as ResellerOptions;
    return step.beginDialog(cardPromptId, { promptId: newPromptId('reseller'), view: { query, errors } });
  }

  private async render(context: TurnContext, promptId: string, { query = '', errors = {} }: ResellerOptions) {
    const { customers, drafts } = this.services;
    const found = query.trim() ? await customers.searchResellers(query) : await customers.activeResellers();
    const noMatch = query.trim() !== '' && found.length === 0;
    const resellers = noMatch ? await customers.activeResellers() : found;
    const draft = await drafts.get(context);
    return resellerCard({
      promptId,
      query,
      resellers: resellers.map(({ id, name, mpnId }) => ({ id, name, mpnId })),
      ...(draft.resellerId !== undefined
        ? { selectedResellerId: draft.resellerId ?? noResellerChoiceValue }
        : {}),
      noMatch,
      errors,
    });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, values } = step.result as CardAnswer<ResellerValues>;
    if (action === 'search') {
      return step.replaceDialog(waterfallId, { query: values.resellerQuery ?? '' } satisfies ResellerOptions);
    }
    const chosen = values.resellerId === noResellerChoiceValue ? null : values.resellerId;
    const validated = await this.services.customers.validateReseller(chosen);
    if (!validated.ok) {
      return step.replaceDialog(waterfallId, {
        query: values.resellerQuery ?? '',
        errors: messagesByInput(validated.errors, () => 'resellerId'),
      } satisfies ResellerOptions);
    }
    await this.services.drafts.update(
      step.context,
      (draft) => (draft.resellerId = validated.value?.id ?? null),
    );
    return step.endDialog();
  }
}
