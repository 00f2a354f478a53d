import { say } from '../services/messages/catalogue';
import type { AdaptiveCardJson, ExistingCustomerCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import template from './templates/existingCustomer.json';

const fill = cardTemplate(template);

/**
 * The customer already exists (same domain, or same legal name in the country): who was found and
 * the relationship invitation to send, as text the agent can copy (the link is for the customer's
 * Global admin, so it is shown, not opened). Action: "Add another customer" (`{ command: 'addCustomer' }`).
 */
export function existingCustomerCard(model: ExistingCustomerCardModel): AdaptiveCardJson {
  const params = { domain: model.domain, legalName: model.legalName, country: model.country };
  return fill({
    invitationText: model.invitationText,
    showLink: model.invitationUrl !== '' && !model.invitationText.includes(model.invitationUrl),
    t: {
      title: say('card.existingCustomer.title'),
      found: say(model.by === 'domain' ? 'customer.exists.domain' : 'customer.exists.name', params),
      invitationIntro: say('card.existingCustomer.invitationIntro'),
      invitationLink: say('card.existingCustomer.invitationLink', { url: model.invitationUrl }),
      addAnotherCustomer: say('card.action.addAnotherCustomer'),
    },
  });
}
