import { fieldError, type FieldError } from '../validation/fieldError';
import { isSoldIn } from './offerAvailability';
import { offerFieldPath, offerFieldPaths } from './orderForm';
import { checkLineValues, type OrderContext } from './orderRules';
import { listAll, listAlternatives } from './offerWording';
import type { Offer, Order, OrderLine } from './schemas';

export interface RemovedLine {
  offerId: string;
  /** The offer's name, or its id when the catalogue no longer has it. */
  offerName: string;
  /** Why, at the form path of the line (`offers.<offerId>`, or one of its inputs). */
  reason: FieldError;
}

export interface ReconciledOrder {
  order: Order;
  removed: RemovedLine[];
}

/**
 * The order that survives a change of context (the customer's country, the MCA choice, the
 * catalogue): every line still valid is kept as it was; every other line is removed, with the
 * reason. MCA pending removes every line (nothing can be ordered); an offer not sold in the new
 * country goes; then an add-on goes when none of its base offers is left in the order (or owned).
 * A line whose own values no longer pass (the catalogue changed) goes with that value's message.
 */
export function reconcileOrder(order: Order, context: OrderContext): ReconciledOrder {
  const offersById = new Map(context.offers.map((offer) => [offer.id, offer]));
  const nameOf = (offerId: string) => offersById.get(offerId)?.name ?? offerId;
  const removed: RemovedLine[] = [];
  const remove = (offerId: string, reason: FieldError) =>
    removed.push({ offerId, offerName: nameOf(offerId), reason });

  if (context.mcaPending) {
    for (const line of order.lines) {
      remove(
        line.offerId,
        fieldError(offerFieldPath(line.offerId), 'order.removed.mcaPending', {
          offerName: nameOf(line.offerId),
        }),
      );
    }
    return { order: { lines: [] }, removed };
  }

  const country = context.countryName ?? context.country.trim().toUpperCase();
  let kept: { line: OrderLine; offer: Offer }[] = [];
  const seen = new Set<string>();
  for (const line of order.lines) {
    const offer = offersById.get(line.offerId);
    const at = offerFieldPath(line.offerId);
    if (!offer) {
      remove(line.offerId, fieldError(at, 'order.removed.unknown', { offerId: line.offerId }));
      continue;
    }
    if (seen.has(offer.id)) {
      remove(offer.id, fieldError(at, 'order.removed.duplicate', { offerName: offer.name }));
      continue;
    }
    seen.add(offer.id);
    if (!isSoldIn(offer, context.country)) {
      remove(offer.id, fieldError(at, 'order.removed.notSoldInCountry', { offerName: offer.name, country }));
      continue;
    }
    const checked = checkLineValues(line, offer, offerFieldPaths(offer.id));
    if (!checked.ok) {
      remove(offer.id, checked.errors[0]!);
      continue;
    }
    kept.push({ line: checked.value, offer });
  }

  // An add-on's base may itself go for lack of a base, so repeat until nothing more goes.
  const owned = new Set(context.ownedOfferIds ?? []);
  const removedIds = new Set(removed.map((entry) => entry.offerId));
  for (;;) {
    const present = new Set([...kept.map((entry) => entry.offer.id), ...owned]);
    const orphans = kept.filter(
      ({ offer }) => offer.isAddOn && !offer.prerequisiteOfferIds.some((id) => present.has(id)),
    );
    if (orphans.length === 0) break;
    for (const { offer } of orphans) {
      const removedBases = offer.prerequisiteOfferIds.filter((id) => removedIds.has(id));
      const reason =
        removedBases.length > 0
          ? fieldError(offerFieldPath(offer.id), 'order.removed.baseRemoved', {
              offerName: offer.name,
              baseOffers: listAll(removedBases.map(nameOf)),
            })
          : fieldError(offerFieldPath(offer.id), 'order.removed.baseMissing', {
              offerName: offer.name,
              baseOffers: listAlternatives(offer.prerequisiteOfferIds.map(nameOf)),
            });
      remove(offer.id, reason);
      removedIds.add(offer.id);
    }
    kept = kept.filter((entry) => !orphans.includes(entry));
  }

  return { order: { lines: kept.map((entry) => entry.line) }, removed };
}
