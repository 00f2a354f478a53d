import { Template } from 'adaptivecards-templating';
import type { AdaptiveCardJson, FieldMessages } from './cardModels';

/**
 * A card template prepared once (its expressions parsed), filled per call with
 * adaptivecards-templating. A property whose expression yields null is left out of the card: that
 * is how a template says "no value" (an empty Input.Number, no preselected choice).
 */
export function cardTemplate(json: object): (data: object) => AdaptiveCardJson {
  const template = new Template(json);
  return (data) => {
    const expanded: unknown = withoutNulls(template.expand({ $root: data }));
    if (!isAdaptiveCard(expanded)) throw new Error('A card template did not expand to an AdaptiveCard');
    return expanded;
  };
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

function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.filter((item) => item !== null).map(withoutNulls);
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, withoutNulls(value)]),
    );
  }
  return node;
}

function isAdaptiveCard(node: unknown): node is AdaptiveCardJson {
  if (node === null || typeof node !== 'object') return false;
  const card = node as Record<string, unknown>;
  return card.type === 'AdaptiveCard' && typeof card.version === 'string' && Array.isArray(card.body);
}
