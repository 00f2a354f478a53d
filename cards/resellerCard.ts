import type { Say } from '../messages/catalogue';
import {
  noResellerChoiceValue,
  type AdaptiveCardJson,
  type Choice,
  type ResellerCardModel,
} from './cardModels';
import { cardTemplate, splitFieldMessages } from './fillTemplate';
import { asTextParams } from './plainText';
import template from './templates/reseller.json';

const fill = cardTemplate(template);

/** Up to this many choices show as radio buttons; more as a drop-down list. */
const maxExpandedChoices = 8;

/**
 * The indirect reseller (indirect providers only): a search box with a Search button, then the resellers found plus
 * "No reseller: direct customer" (value `noResellerChoiceValue`). Actions: `{ promptId, action:
 * 'search' }` and `{ promptId, action: 'next' }` both submit `resellerQuery` and `resellerId`;
 * `{ promptId, action: 'cancel' }` submits nothing.
 */
export function resellerCard(say: Say, model: ResellerCardModel): AdaptiveCardJson {
  const { byInput, other } = splitFieldMessages(['resellerQuery', 'resellerId'], model.errors);
  const choices: Choice[] = [
    ...model.resellers.map((reseller) => ({
      value: reseller.id,
      title: say('card.reseller.choiceTitle', { name: reseller.name, mpnId: reseller.mpnId }),
    })),
    { value: noResellerChoiceValue, title: say('card.reseller.none') },
  ];
  const selected =
    model.selectedResellerId === undefined
      ? null
      : model.selectedResellerId === ''
        ? noResellerChoiceValue
        : model.selectedResellerId;

  return fill({
    promptId: model.promptId,
    query: model.query,
    noMatch: model.noMatch,
    otherErrors: other,
    errors: byInput,
    choices,
    choiceStyle: choices.length <= maxExpandedChoices ? 'expanded' : 'compact',
    selected,
    t: {
      title: say('card.reseller.title'),
      intro: say('card.reseller.intro'),
      query: say('card.reseller.query'),
      queryPlaceholder: say('card.reseller.query.placeholder'),
      search: say('card.reseller.search'),
      noMatch: say('reseller.search.noMatch', asTextParams({ query: model.query })),
      showingAll: say('card.reseller.showingAll'),
      choice: say('card.reseller.choice'),
      next: model.nextLabel,
      cancel: say('card.action.cancel'),
    },
  });
}
