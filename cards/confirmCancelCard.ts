import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, ConfirmCancelCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import template from './templates/confirmCancel.json';

const fill = cardTemplate(template);

/**
 * Asks before the draft is discarded. Actions: `{ promptId, action: 'confirmCancel' }` and
 * `{ promptId, action: 'keepDraft' }`.
 */
export function confirmCancelCard(say: Say, model: ConfirmCancelCardModel): AdaptiveCardJson {
  return fill({
    promptId: model.promptId,
    t: {
      title: say('card.confirmCancel.title'),
      text: say('card.confirmCancel.text'),
      confirm: say('card.confirmCancel.confirm'),
      keep: say('card.confirmCancel.keep'),
    },
  });
}
