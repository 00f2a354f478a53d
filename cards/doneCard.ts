import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, DoneCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextFact, asTextParams } from './plainText';
import template from './templates/done.json';

const fill = cardTemplate(template);

/**
 * Done: the new customer's id, legal name, admin sign-in name, status and reseller, every
 * subscription with its licences, term and billing frequency, and the next steps. Action: "Add another customer" (`{ command: 'addCustomer' }`).
 */
export function doneCard(say: Say, model: DoneCardModel): AdaptiveCardJson {
  const nextSteps = model.nextSteps.filter((step) => step.trim() !== '');
  return fill({
    facts: [
      { title: say('card.done.customerId'), value: model.customerId },
      { title: say('card.done.legalName'), value: model.legalName },
      { title: say('card.done.adminSignInName'), value: model.adminSignInName },
      { title: say('card.done.status'), value: model.status },
      ...(model.reseller === undefined ? [] : [{ title: say('fact.reseller'), value: model.reseller }]),
    ].map(asTextFact),
    hasSubscriptions: model.subscriptions.length > 0,
    subscriptions: model.subscriptions.map(asTextFact),
    hasNextSteps: nextSteps.length > 0,
    nextSteps,
    notified: model.notified,
    t: {
      title: say('card.done.title'),
      summary: say(
        model.creatingInPartnerCenter ? 'card.done.summaryPartnerCenter' : 'card.done.summary',
        asTextParams({ legalName: model.legalName }),
      ),
      subscriptions: say('card.done.subscriptions'),
      noSubscriptions: say('card.done.noSubscriptions'),
      nextSteps: say('card.done.nextSteps'),
      addAnotherCustomer: say('card.action.addAnotherCustomer'),
    },
  });
}
