import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogKit';
import type { ExistingCustomer } from '../services/customers/customerService';
import { CardPrompt } from './cardPrompt';
import type { CardStep } from './cardStep';
import type { FlowResult } from './flowResult';
import type { FlowServices } from './flowServices';
import { accountInfoStep } from './steps/accountInfoStep';
import { confirmCancelStep } from './steps/confirmCancelStep';
import { mcaStep } from './steps/mcaStep';
import { sendOwnCustomerCard } from './steps/ownCustomerAnswer';
import { resellerStep } from './steps/resellerStep';
import { reviewStep } from './steps/reviewStep';
import { subscriptionsStep } from './steps/subscriptionsStep';

export const addCustomerDialogId = 'addCustomer';

/** The flow's card steps in Partner Center's order; `applies` leaves a step out for some partners. */
const flowSteps: { step: CardStep<unknown, unknown>; applies?: (services: FlowServices) => boolean }[] = [
  { step: accountInfoStep },
  { step: mcaStep },
  { step: resellerStep, applies: (services) => services.onboarding.partner.type === 'indirectProvider' },
  { step: subscriptionsStep },
  { step: reviewStep },
];

/**
 * The add-customer flow: one waterfall whose steps are the card steps (account info, the customer
 * agreement, the indirect reseller for indirect providers, subscriptions, review). A customer that is
 * already the partner's own ends it wherever it is found. Review's Update opens a step on top of
 * Review (the card prompt does that), so the waterfall only ever moves forward.
 */
export function addCustomerDialogs(services: FlowServices) {
  const steps: CardStep<unknown, unknown>[] = [...flowSteps.map(({ step }) => step), confirmCancelStep];
  const prompts = steps.map((step) => new CardPrompt(step, services));
  const waterfall = new WaterfallDialog(addCustomerDialogId, [
    ...flowSteps.map(
      ({ step, applies }) =>
        async (turn: WaterfallStepContext): Promise<DialogTurnResult> =>
          applies && !applies(services) ? turn.next() : turn.beginDialog(step.id),
    ),
    async (turn: WaterfallStepContext): Promise<DialogTurnResult> => {
      const result = turn.result as FlowResult | undefined;
      if (result?.kind === 'ownCustomer') return endWithOwnCustomer(turn, result.customer, services);
      return turn.endDialog(result);
    },
  ]);
  return [waterfall, ...prompts];
}

/** Another agent added this customer meanwhile: its record, the draft discarded, nothing added. */
async function endWithOwnCustomer(
  turn: WaterfallStepContext,
  customer: ExistingCustomer,
  services: FlowServices,
): Promise<DialogTurnResult> {
  await sendOwnCustomerCard(turn.context, customer);
  await services.drafts.discard(turn.context);
  return turn.endDialog(undefined);
}
