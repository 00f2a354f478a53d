import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ReviewSection } from '../../cards/cardModels';
import { doneCard } from '../../cards/doneCard';
import { reviewCard } from '../../cards/reviewCard';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import { say, type MessageKey } from '../../services/messages/catalogue';
import { CardPrompt, newPromptId, type CardAnswer } from '../cardPrompt';
import { submitEnvelopeSchema } from '../cardSubmit';
import type { Draft } from '../draft';
import { answerExistingCustomer, hasCustomer } from '../existingCustomer';
import type { FlowServices } from '../flowServices';
import { accountInfoFacts, mcaFacts, resellerFacts, subscriptionFacts } from '../reviewFacts';
import { sendCard } from '../sendCard';
import { accountInfoDialogId, type AccountInfoResult } from './accountInfoDialog';
import { mcaDialogId } from './mcaDialog';
import { resellerDialogId } from './resellerDialog';
import { subscriptionsDialogId } from './subscriptionsDialog';
import { z } from 'zod';

export const reviewDialogId = 'reviewStep';

type ReviewView = { errors?: string[] };
const cardPromptId = 'reviewCard';
const waterfallId = 'reviewWaterfall';

const sectionDialogs: Record<ReviewSection, string> = {
  accountInfo: accountInfoDialogId,
  mca: mcaDialogId,
  reseller: resellerDialogId,
  subscriptions: subscriptionsDialogId,
};

const reviewSubmitSchema = submitEnvelopeSchema.extend({
  section: z.enum(['accountInfo', 'mca', 'reseller', 'subscriptions']).optional(),
});

/**
 * Step 5: every entry by section, each with Update (which opens that step filled in and comes back
 * here), Submit and Cancel. Its waterfall replaces itself to come back after an update.
 */
export class ReviewDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(reviewDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        reviewSubmitSchema,
        () => ({ title: say('summary.review'), facts: [] }),
        this.render.bind(this),
        ['update', 'submit'],
      ),
    );
    this.addDialog(
      new WaterfallDialog(waterfallId, [
        this.show.bind(this),
        this.act.bind(this),
        this.afterUpdate.bind(this),
      ]),
    );
    this.initialDialogId = waterfallId;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { errors = [] } = (step.options ?? {}) as ReviewView;
    return step.beginDialog(cardPromptId, { promptId: newPromptId('review'), view: { errors } });
  }

  private async render(context: TurnContext, promptId: string, { errors = [] }: ReviewView) {
    const draft = await this.services.drafts.get(context);
    return reviewCard({ promptId, sections: await this.sections(draft), errors });
  }

  private async act(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, values } = step.result as CardAnswer<z.output<typeof reviewSubmitSchema>>;
    if (action === 'update' && values.section) return step.beginDialog(sectionDialogs[values.section]);
    if (action === 'submit') return this.submit(step);
    return step.replaceDialog(waterfallId);
  }

  private async afterUpdate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AccountInfoResult | undefined;
    if (result?.outcome === 'existing' && hasCustomer(result.match)) {
      await answerExistingCustomer(step.context, result.match, this.services);
      return step.endDialog();
    }
    return step.replaceDialog(waterfallId);
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { customers, drafts } = this.services;
    const draft = await drafts.get(step.context);
    const agent = await this.services.resolveAgent(step.context);
    const outcome = await customers.submit(
      {
        accountInfo: draft.accountInfo ?? {},
        mca: draft.mca ?? {},
        resellerId: draft.resellerId ?? null,
        order: draft.order ?? { lines: [] },
      },
      { idempotencyKey: draft.idempotencyKey, agent },
    );
    switch (outcome.kind) {
      case 'created':
        await this.sendDone(step, outcome.customer);
        await drafts.discard(step.context);
        return step.endDialog({ customerId: outcome.customer.id });
      case 'exists':
        if (hasCustomer(outcome.match)) {
          await answerExistingCustomer(step.context, outcome.match, this.services);
          return step.endDialog();
        }
        return step.replaceDialog(waterfallId, { errors: [outcome.match.error.message] });
      case 'invalid':
        return step.replaceDialog(waterfallId, {
          errors: [say('review.submitFailed'), ...outcome.errors.map((error) => error.message)],
        });
      case 'notAllowed':
        return step.replaceDialog(waterfallId, { errors: [outcome.error.message] });
    }
  }

  private async sections(draft: Draft) {
    const offers = draft.accountInfo
      ? await this.services.customers.offersForCountry(draft.accountInfo.country)
      : [];
    const sections: { section: ReviewSection; facts: ReturnType<typeof mcaFacts> }[] = [];
    if (draft.accountInfo)
      sections.push({ section: 'accountInfo', facts: accountInfoFacts(draft.accountInfo) });
    if (draft.mca) sections.push({ section: 'mca', facts: mcaFacts(draft.mca) });
    if (this.services.customers.partner.type === 'indirectProvider') {
      const reseller = draft.resellerId ? await this.services.customers.resellerById(draft.resellerId) : null;
      sections.push({ section: 'reseller', facts: resellerFacts(reseller ?? null) });
    }
    sections.push({ section: 'subscriptions', facts: subscriptionFacts(draft.order, offers) });
    return sections;
  }

  private async sendDone(step: WaterfallStepContext, customer: CustomerRecord): Promise<void> {
    const offers = await this.services.customers.offersForCountry(customer.accountInfo.country);
    const next: MessageKey[] = ['done.next.verification', 'done.next.admin'];
    next.push(
      customer.mca.kind === 'customerWillAccept' ? 'done.next.mcaPending' : 'done.next.subscriptions',
    );
    await sendCard(
      step.context,
      doneCard({
        customerId: customer.id,
        legalName: customer.accountInfo.legalName,
        adminSignInName: customer.adminSignInName,
        status: say(`status.${customer.status}`),
        subscriptions: subscriptionFacts({ lines: customer.subscriptions }, offers),
        nextSteps: next.map((key) => say(key, { adminSignInName: customer.adminSignInName })),
      }),
      say('done.created', { legalName: customer.accountInfo.legalName }),
    );
  }
}
