import { say } from '../services/messages/catalogue';
import type { AdaptiveCardJson, Choice, OfferRow, SubscriptionsCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asText, asTextParams } from './plainText';
import template from './templates/subscriptions.json';

const fill = cardTemplate(template);

/** The input ids of an offer's row: the order form's field paths. */
export const offerInputId = (offerId: string, field: 'quantity' | 'term' | 'billingCycle'): string =>
  `offers.${offerId}.${field}`;

/** Whether an input id is one of an offer row's ("offers.<offerId>.quantity"). */
export const isOfferInputId = (id: string): boolean =>
  /^offers\.[A-Za-z0-9:_-]{1,100}\.(quantity|term|billingCycle)$/.test(id);

/**
 * Per product family a heading, per offer its name, description, licence range, a number of
 * licences (0 to the maximum), a term and a billing frequency. While the customer still has to
 * accept the MCA the card only says that ordering waits, with no inputs. Problems of an offer as a
 * whole (not sold in the country, an add-on without its base) show under its quantity; problems of
 * the order (nothing ordered) at the top. Actions: `{ promptId, action: 'next' }` with the inputs,
 * `{ promptId, action: 'cancel' }` without.
 */
export function subscriptionsCard(model: SubscriptionsCardModel): AdaptiveCardJson {
  const shown = new Set<string>();
  const families = model.mcaPending
    ? []
    : model.families
        .filter((family) => family.offers.length > 0)
        .map((family) => ({
          name: asText(family.name),
          offers: family.offers.map((offer) => offerView(offer, model, shown)),
        }));
  const otherErrors = Object.entries(model.errors)
    .filter(([field, message]) => !shown.has(field) && message.trim() !== '')
    .map(([, message]) => message);
  const showOffers = families.length > 0;

  return fill({
    promptId: model.promptId,
    mcaPending: model.mcaPending,
    showOffers,
    noOffers: !model.mcaPending && !showOffers,
    families,
    otherErrors,
    t: {
      title: say('card.subscriptions.title'),
      intro: say('card.subscriptions.intro', asTextParams({ country: model.countryName })),
      mcaPending: say('card.subscriptions.mcaPending'),
      noOffers: say('card.subscriptions.noOffers', asTextParams({ country: model.countryName })),
      addOn: say('card.subscriptions.addOn'),
      next: model.nextLabel,
      cancel: say('card.action.cancel'),
    },
  });
}

function offerView(offer: OfferRow, model: SubscriptionsCardModel, shown: Set<string>) {
  const ids = {
    quantity: offerInputId(offer.id, 'quantity'),
    term: offerInputId(offer.id, 'term'),
    billingCycle: offerInputId(offer.id, 'billingCycle'),
  };
  const offerPath = `offers.${offer.id}`;
  const messageAt = (...fields: string[]) => {
    fields.forEach((field) => shown.add(field));
    return fields
      .map((field) => model.errors[field] ?? '')
      .filter(Boolean)
      .join(' ');
  };
  const typed = (model.values[ids.quantity] ?? '').trim();
  return {
    name: asText(offer.name),
    description: asText(offer.description.trim()),
    isAddOn: offer.isAddOn,
    range:
      offer.minQuantity === offer.maxQuantity
        ? say('card.subscriptions.rangeExactly', { min: offer.minQuantity })
        : say('card.subscriptions.range', { min: offer.minQuantity, max: offer.maxQuantity }),
    quantityId: ids.quantity,
    maxQuantity: offer.maxQuantity,
    quantity: /^\d+$/.test(typed) ? Number(typed) : typed === '' ? 0 : null,
    quantityLabel: say('card.subscriptions.quantityOf', { offerName: offer.name }),
    quantityInvalid: say('card.subscriptions.quantity.invalid', { max: offer.maxQuantity }),
    quantityError: messageAt(offerPath, ids.quantity),
    termId: ids.term,
    termLabel: say('card.subscriptions.termOf', { offerName: offer.name }),
    hasTerms: offer.terms.length > 0,
    terms: offer.terms,
    term: chosen(offer.terms, model.values[ids.term]),
    termError: messageAt(ids.term),
    billingCycleId: ids.billingCycle,
    billingCycleLabel: say('card.subscriptions.billingCycleOf', { offerName: offer.name }),
    hasBillingCycles: offer.billingCycles.length > 0,
    billingCycles: offer.billingCycles,
    billingCycle: chosen(offer.billingCycles, model.values[ids.billingCycle]),
    billingCycleError: messageAt(ids.billingCycle),
  };
}

/** The chosen value when the list has it, else the list's first. */
function chosen(choices: readonly Choice[], value: string | undefined): string | null {
  return choices.some((choice) => choice.value === value) ? value! : (choices[0]?.value ?? null);
}
