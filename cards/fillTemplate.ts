import type { AdaptiveCardJson, FieldMessages } from './cardModels';
import { prepareTemplate } from './templateFiller';

/**
 * A card template prepared once (its expressions parsed; one the filler does not support is refused
 * here, at module load), filled per call. A property whose expression yields null is left out of the
 * card: that is how a template says "no value" (an empty Input.Number, no preselected choice).
 */
export function cardTemplate(json: object): (data: object) => AdaptiveCardJson {
  const fill = prepareTemplate(json);
  return (data) => {
    const filled = fill(data);
    if (!isAdaptiveCard(filled)) throw new Error('A card template did not expand to an AdaptiveCard');
    fillObserver(json, data, filled);
    return filled;
  };
}

/** Sees each card as it is filled: the template, the data it was filled with, the card. */
export type CardFillObserver = (template: object, data: object, card: AdaptiveCardJson) => void;

const noObserver: CardFillObserver = () => undefined;
let fillObserver = noObserver;

/**
 * Lets a test see every card filled, to compare it with another filler on the same data. Nothing
 * observes in production; `undefined` removes the observer.
 */
export function observeCardFills(observer: CardFillObserver | undefined): void {
  fillObserver = observer ?? noObserver;
}

/**
 * Splits a card's field messages: those of the card's inputs (every id present, '' without a
 * message, so a template can test `${errors.x != ''}`) and the rest, shown at the top of the card
 * so that no message is lost (e.g. `general`, or a field the card does not show).
 */
export function splitFieldMessages<Id extends string>(
  inputIds: readonly Id[],
  messages: FieldMessages,
): { byInput: Record<Id, string>; other: string[] } {
  const byInput = Object.fromEntries(inputIds.map((id) => [id, messages[id] ?? ''])) as Record<Id, string>;
  const known = new Set<string>(inputIds);
  const other = Object.entries(messages)
    .filter(([id, message]) => !known.has(id) && message.trim() !== '')
    .map(([, message]) => message);
  return { byInput, other };
}

function isAdaptiveCard(node: unknown): node is AdaptiveCardJson {
  if (node === null || typeof node !== 'object') return false;
  const card = node as Record<string, unknown>;
  return card.type === 'AdaptiveCard' && typeof card.version === 'string' && Array.isArray(card.body);
}
