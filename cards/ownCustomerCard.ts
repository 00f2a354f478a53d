import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, OwnCustomerCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextFact, asTextParams } from './plainText';
import template from './templates/ownCustomer.json';

const fill = cardTemplate(template);

/**
 * The customer is already the partner's own (same legal name in the same country): its record,
 * when and by whom it was added, and that nothing was added. Action: "Add another customer"
 * (`{ command: 'addCustomer' }`).
 */
export function ownCustomerCard(say: Say, model: OwnCustomerCardModel): AdaptiveCardJson {
  return fill({
    facts: [
      ...[
        { title: say('card.done.customerId'), value: model.customerId },
        { title: say('card.done.legalName'), value: model.legalName },
        { title: say('fact.country'), value: model.countryName },
        { title: say('fact.domain'), value: model.domain },
        { title: say('card.done.status'), value: model.status },
      ].map(asTextFact),
      // A sentence of the catalogue: only the values it quotes are escaped.
      {
        title: say('card.ownCustomer.added'),
        value: say(
          'card.ownCustomer.addedOnBy',
          asTextParams({ addedOn: model.addedOn, addedBy: model.addedBy }),
        ),
      },
    ],
    t: {
      title: say('card.ownCustomer.title'),
      found: say(
        'card.ownCustomer.found',
        asTextParams({ legalName: model.legalName, country: model.countryName }),
      ),
      nothingAdded: say('card.ownCustomer.nothingAdded'),
      addAnotherCustomer: say('card.action.addAnotherCustomer'),
    },
  });
}
