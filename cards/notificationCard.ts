import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, Fact } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asText, asTextFact } from './plainText';
import template from './templates/notification.json';

const fill = cardTemplate(template);

/** A manager's notification of an onboarding. Values are plain text; `audit` lines are markdown. */
export interface NotificationCardModel {
  agentName: string;
  legalName: string;
  /** Customer, country, domain, reseller, MCA, added by, when, status, customer id. */
  facts: Fact[];
  subscriptions: Fact[];
  audit: string[];
}

export function notificationCard(say: Say, model: NotificationCardModel): AdaptiveCardJson {
  return fill({
    summary: say('card.notification.summary', {
      agent: asText(model.agentName),
      legalName: asText(model.legalName),
    }),
    facts: model.facts.map(asTextFact),
    hasSubscriptions: model.subscriptions.length > 0,
    subscriptions: model.subscriptions.map(asTextFact),
    audit: model.audit,
    t: {
      title: say('card.notification.title'),
      subscriptions: say('card.notification.subscriptions'),
      noSubscriptions: say('card.notification.noSubscriptions'),
      showAudit: say('card.notification.showAudit'),
    },
  });
}
