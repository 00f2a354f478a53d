import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson } from './cardModels';
import { cardTemplate } from './fillTemplate';
import template from './templates/help.json';

const fill = cardTemplate(template);

export interface HelpCardModel {
  /** The agent is adding a customer: the draft is kept and the current card follows this one. */
  inFlow: boolean;
  /** The reader is a manager: their notification commands too. */
  manager: boolean;
  /** The reader may add customers: the flow's commands and the "Add customer" button. */
  mayAddCustomers: boolean;
}

/** The commands the bot understands; outside the flow with an "Add customer" button. */
export function helpCard(say: Say, model: HelpCardModel): AdaptiveCardJson {
  return fill({
    inFlow: model.inFlow,
    mayAddCustomers: model.mayAddCustomers,
    commands: [
      ...(model.mayAddCustomers || model.inFlow
        ? [say(model.inFlow ? 'card.help.command.addCustomerInFlow' : 'card.help.command.addCustomer')]
        : []),
      say('card.help.command.help'),
      say('card.help.command.language'),
      ...(model.mayAddCustomers || model.inFlow ? [say('card.help.command.cancel')] : []),
      ...(model.manager
        ? [
            say('card.help.command.notifyMe'),
            say('card.help.command.notifications'),
            say('card.help.command.notifyChannel'),
            say('card.help.command.recentOnboardings'),
          ]
        : []),
    ],
    t: {
      title: say('card.help.title'),
      intro: say('card.help.intro'),
      inFlow: say('card.help.inFlow'),
      addCustomer: say('card.action.addCustomer'),
    },
  });
}
