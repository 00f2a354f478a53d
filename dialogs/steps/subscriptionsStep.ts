import type { OfferRow } from '../../cards/cardModels';
import { formValuesSchema, nestedForm, type FormValues } from '../../cards/formPaths';
import { isOfferInputId, offerInputId, subscriptionsCard } from '../../cards/subscriptionsCard';
import type { Offer, Order } from '../../services/catalogue/schemas';
import type { OnboardingService } from '../../services/onboarding/onboardingService';
import { say } from '../../services/messages/catalogue';
import type { CardStep } from '../cardStep';
import { messagesByField, problemsOf } from '../stepView';
import { nextLabel } from './nextLabel';

/** The offers sold in the customer's country: licences, term and billing frequency of each. */
export const subscriptionsStep: CardStep<FormValues, Order> = {
  id: 'subscriptions',
  actions: ['next'],
  values: formValuesSchema(isOfferInputId),

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const { draft } = turn;
    const country = draft.accountInfo?.country ?? '';
    const offers = await onboarding.offersForCountry(country);
    return subscriptionsCard({
      promptId: drawing.promptId,
      families: byFamily(offers, onboarding),
      values: { ...choicesBeforeAnswer(offers, onboarding), ...draft.values.subscriptions },
      errors: messagesByField(drawing.view.problems),
      mcaPending: draft.mca?.kind === 'customerWillAccept',
      countryName: onboarding.countryNameInSentence(country),
      nextLabel: nextLabel(drawing, 'review'),
    });
  },

  summary: () => ({ title: say('summary.subscriptions'), facts: [] }),

  async validate(turn, { values }) {
    const { draft } = turn;
    const country = draft.accountInfo?.country ?? '';
    const sold = new Set((await turn.services.onboarding.offersForCountry(country)).map((offer) => offer.id));
    // Only the card's own inputs are kept: those of the offers it lists.
    const kept = Object.fromEntries(
      Object.entries(values).filter(([id]) => sold.has(id.split('.')[1] ?? '')),
    );
    draft.values.subscriptions = kept;
    const validated = await turn.services.onboarding.validateOrderForm(nestedForm(kept), {
      country,
      mcaPending: draft.mca?.kind === 'customerWillAccept',
    });
    return validated.ok
      ? { ok: true, value: validated.value }
      : { ok: false, view: { problems: problemsOf(validated.errors) } };
  },

  async onValid(turn, order) {
    turn.draft.order = order;
    return { kind: 'next' };
  },
};

function byFamily(
  offers: readonly Offer[],
  onboarding: OnboardingService,
): { name: string; offers: OfferRow[] }[] {
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
      terms: offer.terms.map((term) => ({ value: term, title: onboarding.termLabel(term) })),
      billingCycles: offer.billingCycles.map((cycle) => ({
        value: cycle,
        title: onboarding.billingCycleChoice(cycle),
      })),
    });
    families.set(offer.productFamily, rows);
  }
  return [...families].map(([name, rows]) => ({ name, offers: rows }));
}

/** What each offer's term and billing frequency show before the agent chooses. */
function choicesBeforeAnswer(offers: readonly Offer[], onboarding: OnboardingService): FormValues {
  const values: FormValues = {};
  for (const offer of offers) {
    const { term, billingCycle } = onboarding.defaultChoices(offer);
    if (term) values[offerInputId(offer.id, 'term')] = term;
    if (billingCycle) values[offerInputId(offer.id, 'billingCycle')] = billingCycle;
  }
  return values;
}
