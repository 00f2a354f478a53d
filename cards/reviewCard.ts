import { type MessageKey, type Say } from '../messages/catalogue';
import type { AdaptiveCardJson, ReviewCardModel, ReviewSection } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextFact } from './plainText';
import template from './templates/review.json';

const fill = cardTemplate(template);

const sectionHeadings: Record<ReviewSection, MessageKey> = {
  accountInfo: 'card.review.section.accountInfo',
  mca: 'card.review.section.mca',
  reseller: 'card.review.section.reseller',
  subscriptions: 'card.review.section.subscriptions',
};

/**
 * Review: one section per step with its facts and an Update button
 * (`{ promptId, action: 'update', section }`); what keeps it from being submitted (each problem
 * once) and what an update changed elsewhere at the top; Submit
 * (`{ promptId, action: 'submit' }`) and Cancel (`{ promptId, action: 'cancel' }`) at the bottom.
 */
export function reviewCard(say: Say, model: ReviewCardModel): AdaptiveCardJson {
  const errors = [...new Set(model.errors.filter((error) => error.trim() !== ''))];
  const notices = [...new Set(model.notices.filter((notice) => notice.trim() !== ''))];
  return fill({
    promptId: model.promptId,
    hasErrors: errors.length > 0,
    errors,
    hasNotices: notices.length > 0,
    notices,
    sections: model.sections.map(({ section, facts }) => ({
      section,
      heading: say(sectionHeadings[section]),
      hasFacts: facts.length > 0,
      facts: facts.map(asTextFact),
    })),
    t: {
      title: say('card.review.title'),
      intro: say('card.review.intro'),
      errors: say('card.review.errors'),
      notices: say('card.review.notices'),
      sectionEmpty: say('card.review.sectionEmpty'),
      update: say('card.review.update'),
      submit: say('card.review.submit'),
      cancel: say('card.action.cancel'),
    },
  });
}
