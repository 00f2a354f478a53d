import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { FieldMessages, OfferRow } from '../../cards/cardModels';
import { subscriptionsCard } from '../../cards/subscriptionsCard';
import { termLabel } from '../../services/catalogue/offerWording';
import type { Offer } from '../../services/catalogue/schemas';
import { countryRules } from '../../services/countries/countryRules';
import { say } from '../../services/messages/catalogue';
import { CardPrompt, newPromptId, type CardAnswer } from '../cardPrompt';
import { prefixedValuesSchema } from '../cardSubmit';
import type { FlowServices } from '../flowServices';
import { messagesByInput, orderInputOf } from '../forms';
import { z } from 'zod';

export const subscriptionsDialogId = 'subscriptionsStep';

type SubscriptionsView = { errors?: FieldMessages };
const cardPromptId = 'subscriptionsCard';
const waterfallId = 'subscriptionsWaterfall';

const quantitiesSchema = prefixedValuesSchema('quantity_');
const termsSchema = prefixedValuesSchema('term_');
const subscriptionInputsSchema = z.record(z.string(), z.unknown()).transform((value) => ({
  quantities: quantitiesSchema.parse(value),
  terms: termsSchema.parse(value),
}));
type SubscriptionInputs = z.output<typeof subscriptionInputsSchema>;

/** Step 4: the offers sold in the customer's country and the number of licences of each. */
export class SubscriptionsDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(subscriptionsDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        subscriptionInputsSchema,
        ({ values }) => ({
          title: say('summary.subscriptions'),
          facts: Object.entries(values.quantities)
            .filter(([, quantity]) => isOrdered(quantity))
            .map(([offerId, quantity]) => ({ title: offerId, value: quantity })),
        }),
        this.render.bind(this),
        ['next'],
      ),
    );
    this.addDialog(new WaterfallDialog(waterfallId, [this.show.bind(this), this.check.bind(this)]));
    this.initialDialogId = waterfallId;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { errors = {} } = (step.options ?? {}) as SubscriptionsView;
    return step.beginDialog(cardPromptId, { promptId: newPromptId('subscriptions'), view: { errors } });
  }

  private async render(context: TurnContext, promptId: string, { errors = {} }: SubscriptionsView) {
    const draft = await this.services.drafts.get(context);
    const country = draft.accountInfo?.country ?? '';
    const offers = await this.services.customers.offersForCountry(country);
    return subscriptionsCard({
      promptId,
      families: byFamily(offers),
      quantities: draft.subscriptionValues.quantities,
      terms: { ...defaultTerms(offers), ...draft.subscriptionValues.terms },
      errors,
      mcaPending: draft.mca?.kind === 'customerWillAccept',
      countryName: countryRules(country)?.name ?? country,
    });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { values } = step.result as CardAnswer<SubscriptionInputs>;
    const { customers, drafts } = this.services;
    const draft = await drafts.update(step.context, (d) => (d.subscriptionValues = values));
    const mcaPending = draft.mca?.kind === 'customerWillAccept';
    const ordered = mcaPending
      ? []
      : Object.keys(values.quantities).filter((id) => isOrdered(values.quantities[id]));
    const lines = ordered.map((offerId) => ({
      offerId,
      quantity: values.quantities[offerId],
      ...(values.terms[offerId] ? { term: values.terms[offerId] } : {}),
    }));
    const validated = await customers.validateOrder(
      { lines },
      { country: draft.accountInfo?.country ?? '', mcaPending },
    );
    if (!validated.ok) {
      return step.replaceDialog(waterfallId, {
        errors: messagesByInput(validated.errors, orderInputOf(ordered)),
      });
    }
    await drafts.update(step.context, (d) => (d.order = validated.value));
    return step.endDialog();
  }
}

function isOrdered(quantity: string | undefined): boolean {
  return quantity !== undefined && quantity.trim() !== '' && quantity.trim() !== '0';
}

function byFamily(offers: readonly Offer[]): { name: string; offers: OfferRow[] }[] {
  const families = new Map<string, OfferRow[]>();
  for (const offer of offers) {
    const rows = families.get(offer.productFamily) ?? [];
    rows.push({
      id: offer.id,
      name: offer.name,
      description: offer.description,
      minQuantity: offer.minQuantity,
      maxQuantity: offer.maxQuantity,
      isAddOn: offer.isAddOn,
      terms: offer.terms.map((term) => ({ value: term, title: termLabel(term) })),
    });
    families.set(offer.productFamily, rows);
  }
  return [...families].map(([name, rows]) => ({ name, offers: rows }));
}

/** One year where an offer has it (the usual commitment), else its first term. */
function defaultTerms(offers: readonly Offer[]): Record<string, string> {
  return Object.fromEntries(
    offers.map((offer) => [offer.id, offer.terms.includes('P1Y') ? 'P1Y' : (offer.terms[0] ?? '')]),
  );
}
