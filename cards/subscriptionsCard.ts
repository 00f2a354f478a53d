import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, Choice, OfferRow, OrderLineRow, SubscriptionsCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import type { FormValues } from './formPaths';
import { asText, asTextParams } from './plainText';
import template from './templates/subscriptions.json';

const fill = cardTemplate(template);

type OfferInput = 'quantity' | 'term' | 'billingCycle';

/** The input ids of an offer: the order form's field paths. */
export const offerInputId = (offerId: string, field: OfferInput): string => `offers.${offerId}.${field}`;

/** Whether an input id is one of an offer's ("offers.<offerId>.quantity"). */
export const isOfferInputId = (id: string): boolean =>
  /^offers\.[A-Za-z0-9:_-]{1,100}\.(quantity|term|billingCycle)$/.test(id);

/** The search box's input id. */
export const offerQueryInputId = 'offerQuery';

interface Button {
  title: string;
  style: 'positive' | null;
  associatedInputs: 'none' | null;
  data: Record<string, string>;
}

/**
 * The order as the agent builds it, on one card: at the top either "Find offers" (a search box and a
 * page of offers, the most sold in the country before any search, each with its licences, term,
 * billing frequency and Add, or "In the order" when it is) or, after Change, that line's inputs with
 * Save, Remove and Keep as it was; below, the order, each line with Change and Remove. While the
 * customer still has to accept the MCA the card only says that ordering waits. Problems of an offer
 * show at it (its inputs, or its line); problems of the order, and of offers the card does not show,
 * at the top. Each button's data is in cardModels.ts.
 */
export function subscriptionsCard(say: Say, model: SubscriptionsCardModel): AdaptiveCardJson {
  const shown = new Set<string>();
  const messageAt = (...fields: string[]): string => {
    fields.forEach((field) => shown.add(field));
    return fields
      .map((field) => model.errors[field] ?? '')
      .filter(Boolean)
      .join(' ');
  };
  const button = (title: string, data: Record<string, string>, navigation = true): Button => ({
    title,
    style: null,
    associatedInputs: navigation ? 'none' : null,
    data: { promptId: model.promptId, ...data },
  });

  const inOrder = new Map(model.lines.map((line) => [line.offer.id, line]));
  const changing = model.changing ? inOrder.get(model.changing) : undefined;
  const offers = model.mcaPending
    ? []
    : changing
      ? [
          offerView(say, changing.offer, model.values, messageAt, '', [
            {
              ...button(
                say('card.subscriptions.save'),
                { action: 'saveLine', offerId: changing.offer.id },
                false,
              ),
              style: 'positive',
            },
            button(say('card.subscriptions.remove'), { action: 'removeLine', offerId: changing.offer.id }),
            button(say('card.subscriptions.keep'), { action: 'keepLine', offerId: changing.offer.id }),
          ]),
        ]
      : model.results.offers.map((offer) => {
          const line = inOrder.get(offer.id);
          return line
            ? offerView(say, offer, model.values, messageAt, inOrderText(say, line), [])
            : offerView(say, offer, model.values, messageAt, '', [
                button(say('card.subscriptions.add'), { action: 'addLine', offerId: offer.id }, false),
              ]);
        });
  const lines = model.lines.map((line) => ({
    id: line.offer.id,
    text: say(
      'card.subscriptions.line',
      asTextParams({
        offerName: line.offer.name,
        count: line.quantity,
        term: line.term,
        billingCycle: line.billingCycle,
      }),
    ),
    error: line === changing ? '' : messageAt(`offers.${line.offer.id}`),
  }));
  const { results } = model;
  const country = asTextParams({ country: model.countryName });
  const paged = results.hasPrevious || results.next !== undefined;
  const otherErrors = Object.entries(model.errors)
    .filter(([field, message]) => !shown.has(field) && message.trim() !== '')
    .map(([, message]) => message);

  return fill({
    promptId: model.promptId,
    mcaPending: model.mcaPending,
    notice: model.notice ?? '',
    otherErrors,
    showOffers: !model.mcaPending,
    offersHeading: say(changing ? 'card.subscriptions.changeLine' : 'card.subscriptions.find'),
    showSearch: !changing,
    query: model.query,
    noMatch:
      !changing && results.noMatch
        ? say('order.search.noMatch', asTextParams({ ...country, query: model.query }))
        : '',
    resultsHeading: changing
      ? ''
      : results.kind === 'search'
        ? say('card.subscriptions.results', asTextParams({ query: model.query }))
        : say('card.subscriptions.bestSellers', country),
    showing:
      !changing && paged && results.offers.length > 0
        ? say('card.subscriptions.showing', {
            first: results.first,
            last: results.first + results.offers.length - 1,
          })
        : '',
    hint: !changing && results.offers.length === 0 ? say('card.subscriptions.noBestSellers') : '',
    offers,
    pages: changing
      ? []
      : [
          ...(results.hasPrevious
            ? [button(say('card.subscriptions.previous'), { action: 'previousPage' })]
            : []),
          ...(results.next !== undefined
            ? [button(say('card.subscriptions.more'), { action: 'morePage', cursor: results.next })]
            : []),
        ],
    showOrder: !model.mcaPending || model.lines.length > 0,
    orderHeading: say('card.subscriptions.order', { count: model.lines.length }),
    orderEmpty: model.lines.length === 0 ? say('card.subscriptions.orderEmpty') : '',
    lines,
    t: {
      title: say('card.subscriptions.title'),
      intro: say('card.subscriptions.intro', country),
      mcaPending: say('card.subscriptions.mcaPending'),
      query: say('card.subscriptions.query'),
      queryPlaceholder: say('card.subscriptions.query.placeholder'),
      search: say('card.subscriptions.search'),
      showingBestSellers: say('card.subscriptions.showingBestSellers', country),
      change: say('card.subscriptions.change'),
      remove: say('card.subscriptions.remove'),
      next: model.nextLabel,
      cancel: say('card.action.cancel'),
    },
  });
}

function offerView(
  say: Say,
  offer: OfferRow,
  values: FormValues,
  messageAt: (...fields: string[]) => string,
  inOrder: string,
  buttons: Button[],
) {
  const range = rangeText(say, offer);
  return {
    id: offer.id,
    name: asText(offer.name),
    facts: say('card.subscriptions.offerFacts', {
      ...asTextParams({ productFamily: offer.productFamily, sku: offer.sku }),
      range,
    }),
    description: asText(offer.description.trim()),
    addOn: offer.baseOffers
      ? say('card.subscriptions.addOnOf', asTextParams({ baseOffers: offer.baseOffers }))
      : '',
    inOrder,
    // An offer in the order has its problems at its line.
    offerError: inOrder === '' ? messageAt(`offers.${offer.id}`) : '',
    hasInputs: inOrder === '',
    inputs: inOrder === '' ? inputsView(say, offer, values, messageAt, range) : {},
    buttons,
  };
}

function inputsView(
  say: Say,
  offer: OfferRow,
  values: FormValues,
  messageAt: (...fields: string[]) => string,
  range: string,
) {
  const ids = {
    quantity: offerInputId(offer.id, 'quantity'),
    term: offerInputId(offer.id, 'term'),
    billingCycle: offerInputId(offer.id, 'billingCycle'),
  };
  const typed = (values[ids.quantity] ?? '').trim();
  return {
    quantityId: ids.quantity,
    quantityLabel: say('card.subscriptions.quantityOf', { offerName: offer.name }),
    range,
    // Anything but a whole number cannot show in a number field: the message quotes what was typed.
    quantity: /^\d+$/.test(typed) ? Number(typed) : null,
    quantityError: messageAt(ids.quantity),
    termId: ids.term,
    termLabel: say('card.subscriptions.termOf', { offerName: offer.name }),
    terms: offer.terms,
    term: chosen(offer.terms, values[ids.term]),
    termError: messageAt(ids.term),
    billingCycleId: ids.billingCycle,
    billingCycleLabel: say('card.subscriptions.billingCycleOf', { offerName: offer.name }),
    billingCycles: offer.billingCycles,
    billingCycle: chosen(offer.billingCycles, values[ids.billingCycle]),
    billingCycleError: messageAt(ids.billingCycle),
  };
}

function rangeText(say: Say, offer: OfferRow): string {
  return offer.minQuantity === offer.maxQuantity
    ? say('card.subscriptions.rangeExactly', { min: offer.minQuantity })
    : say('card.subscriptions.range', { min: offer.minQuantity, max: offer.maxQuantity });
}

function inOrderText(say: Say, line: OrderLineRow): string {
  return say('card.subscriptions.inOrder', { count: line.quantity });
}

/** The chosen value when the list has it, else the list's first. */
function chosen(choices: readonly Choice[], value: string | undefined): string | null {
  return choices.some((choice) => choice.value === value) ? value! : (choices[0]?.value ?? null);
}
