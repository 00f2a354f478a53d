import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, RelationshipRequestCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextParams } from './plainText';
import template from './templates/relationshipRequest.json';

const fill = cardTemplate(template);

/**
 * The customer already has a Microsoft tenant (their own domain is in Microsoft's directory): nothing
 * is added, and the partner requests a relationship with the personalised link Partner Center gives,
 * which a Global admin of the customer accepts. No action: the agent copies the link into an email of
 * their own (opening it themselves would sign the partner, not the customer, in).
 */
export function relationshipRequestCard(say: Say, model: RelationshipRequestCardModel): AdaptiveCardJson {
  const link = model.link && /^https:\/\//i.test(model.link) ? model.link : '';
  return fill({
    // Copied into the agent's own email exactly: in a TextRun, which is never markdown, so nothing is
    // escaped (a renderer that ignored escapes would otherwise put backslashes into the copied link).
    link,
    t: {
      title: say('card.relationship.title'),
      found: say(
        'card.relationship.found',
        asTextParams({ legalName: model.legalName, domain: model.domain }),
      ),
      instead: say('card.relationship.instead'),
      steps: say('card.relationship.steps'),
      noLink: say('card.relationship.noLink'),
      nothingAdded: say('card.relationship.nothingAdded'),
    },
  });
}
