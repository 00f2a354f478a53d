import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { mcaInputIds, type FieldMessages, type McaValues } from '../../cards/cardModels';
import { mcaCard } from '../../cards/mcaCard';
import { agentDay } from '../../services/customers/acceptanceDate';
import { say } from '../../services/messages/catalogue';
import { canAttestMca } from '../../services/roles/permissions';
import { CardPrompt, newPromptId, type CardAnswer } from '../cardPrompt';
import { cardValuesSchema } from '../cardSubmit';
import type { Draft } from '../draft';
import type { FlowServices } from '../flowServices';
import { mcaForm, mcaInputOf, mcaValues, messagesByInput } from '../forms';

export const mcaDialogId = 'mcaStep';

type McaView = { errors?: FieldMessages };
const cardPromptId = 'mcaCard';
const waterfallId = 'mcaWaterfall';

/** Step 2: the Microsoft Customer Agreement, attested by an Admin or Sales agent, or accepted later. */
export class McaDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(mcaDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        cardValuesSchema(mcaInputIds),
        ({ values }) => ({
          title: say('summary.mca'),
          facts: [
            {
              title: say('fact.mca'),
              value: say(
                values.mcaChoice === 'attested' ? 'value.mcaAttested' : 'value.mcaCustomerWillAccept',
              ),
            },
          ],
        }),
        this.render.bind(this),
        ['next'],
      ),
    );
    this.addDialog(new WaterfallDialog(waterfallId, [this.show.bind(this), this.check.bind(this)]));
    this.initialDialogId = waterfallId;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { errors = {} } = (step.options ?? {}) as McaView;
    return step.beginDialog(cardPromptId, { promptId: newPromptId('mca'), view: { errors } });
  }

  private async render(context: TurnContext, promptId: string, { errors = {} }: McaView) {
    const agent = await this.services.resolveAgent(context);
    const draft = await this.services.drafts.get(context);
    const { today, offsetKnown } = agentDay(this.services.now(), agent.utcOffsetMinutes);
    const mayAttest = canAttestMca(agent.roles);
    return mcaCard({
      promptId,
      values: withDefaults(draft, mayAttest, today),
      errors,
      mayAttest,
      maxDate: today,
      maxDateIsAgentsOwn: offsetKnown,
    });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { values } = step.result as CardAnswer<McaValues>;
    const { customers, drafts } = this.services;
    await drafts.update(step.context, (draft) => (draft.mcaValues = values));
    const agent = await this.services.resolveAgent(step.context);
    const validated = customers.validateMca(mcaForm(values), agent);
    if (!validated.ok) {
      return step.replaceDialog(waterfallId, { errors: messagesByInput(validated.errors, mcaInputOf) });
    }
    await drafts.update(step.context, (draft) => {
      draft.mca = validated.value;
      draft.mcaValues = { ...values, ...mcaValues(validated.value) };
      if (validated.value.kind === 'customerWillAccept') draft.order = { lines: [] };
    });
    return step.endDialog();
  }
}

/** The person who accepted is prefilled from the primary contact, the date with the agent's today. */
function withDefaults(draft: Draft, mayAttest: boolean, today: string): McaValues {
  const contact = draft.accountInfo?.primaryContact;
  return {
    mcaChoice: mayAttest ? 'attested' : 'customerWillAccept',
    acceptedByFirstName: contact?.firstName ?? '',
    acceptedByLastName: contact?.lastName ?? '',
    acceptedByEmail: contact?.email ?? '',
    acceptedByPhone: contact?.phone ?? '',
    acceptedOn: today,
    ...draft.mcaValues,
  };
}
