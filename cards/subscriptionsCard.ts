import { say } from '../services/messages/catalogue';
import type { AdaptiveCardJson, OfferRow, SubscriptionsCardModel } from './cardModels';
import { cardTemplate, splitFieldMessages } from './fillTemplate';
import template from './templates/subscriptions.json';

const fill = cardTemplate(template);

/** The input ids of an offer's row. */
export const quantityInputId = (offerId: string): string => `quantity_${offerId}`;
export const termInputId = (offerId: string): string => `term_${offerId}`;

/**
 * Step 4: per product family a heading, per offer its name, description, licence range, a number of
 * licences (`quantity_<offerId>`, 0 to the maximum) and a term (`term_<offerId>`). While the
 * customer still has to accept the MCA the card only says that ordering waits, with no inputs.
 * Actions: `{ promptId, action: 'next' }` with the inputs, `{ promptId, action: 'cancel' }` without.
 */
export function subscriptionsCard(model: SubscriptionsCardModel): AdaptiveCardJson {
  const offers = model.mcaPending ? [] : model.families.flatMap((family) => family.offers);
  const inputIds = offers.flatMap((offer) => [quantityInputId(offer.id), termInputId(offer.id)]);
  const { byInput, other } = splitFieldMessages(inputIds, model.errors);
  const families = model.families
    .filter((family) => family.offers.length > 0)
    .map((family) => ({
      name: family.name,
      offers: family.offers.map((offer) => offerView(offer, model, byInput)),
    }));
  const showOffers = !model.mcaPending && families.length > 0;

  return fill({
    promptId: model.promptId,
    mcaPending: model.mcaPending,
    showOffers,
    noOffers: !model.mcaPending && families.length === 0,
    families: showOffers ? families : [],
    otherErrors: other,
    t: {
      title: say('card.subscriptions.title'),
      intro: say('card.subscriptions.intro', { country: model.countryName }),
      mcaPending: say('card.subscriptions.mcaPending'),
      noOffers: say('card.subscriptions.noOffers', { country: model.countryName }),
      addOn: say('card.subscriptions.addOn'),
      next: say('card.action.next'),
      cancel: say('card.action.cancel'),
    },
  });
}

function offerView(offer: OfferRow, model: SubscriptionsCardModel, errors: Record<string, string>) {
  const quantityId = quantityInputId(offer.id);
  const termId = termInputId(offer.id);
  const typed = (model.quantities[offer.id] ?? model.quantities[quantityId] ?? '').trim();
  const chosenTerm = model.terms[offer.id] ?? model.terms[termId];
  return {
    name: offer.name,
    description: offer.description.trim(),
    isAddOn: offer.isAddOn,
    range:
      offer.minQuantity === offer.maxQuantity
        ? say('card.subscriptions.rangeExactly', { min: offer.minQuantity })
        : say('card.subscriptions.range', { min: offer.minQuantity, max: offer.maxQuantity }),
    quantityId,
    maxQuantity: offer.maxQuantity,
    // Input.Number takes a number; anything else typed earlier is dropped (its message still shows).
    // An offer not chosen shows 0: clients refuse an empty number field that has a min and max.
    quantity: /^\d+$/.test(typed) ? Number(typed) : typed === '' ? 0 : null,
    quantityLabel: say('card.subscriptions.quantityOf', { offerName: offer.name }),
    termLabel: say('card.subscriptions.termOf', { offerName: offer.name }),
    quantityInvalid: say('card.subscriptions.quantity.invalid', { max: offer.maxQuantity }),
    quantityError: errors[quantityId] ?? '',
    termId,
    hasTerms: offer.terms.length > 0,
    terms: offer.terms,
    term:
      chosenTerm && offer.terms.some((term) => term.value === chosenTerm)
        ? chosenTerm
        : (offer.terms[0]?.value ?? null),
    termError: errors[termId] ?? '',
  };
}
