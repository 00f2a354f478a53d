import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, SubmittedCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextFact } from './plainText';
import template from './templates/submitted.json';

const fill = cardTemplate(template);

/** The read-only card that replaces a submitted one in Teams: a title, the facts, no inputs or buttons. */
export function submittedCard(say: Say, model: SubmittedCardModel): AdaptiveCardJson {
  return fill({
    title: model.title,
    hasFacts: model.facts.length > 0,
    facts: model.facts.map(asTextFact),
    t: { note: say('card.submitted.note') },
  });
}
