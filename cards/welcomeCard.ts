import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, WelcomeCardModel } from './cardModels';
import { cardTemplate } from './fillTemplate';
import template from './templates/welcome.json';

const fill = cardTemplate(template);

/** The first card: what the bot does and an "Add customer" button, or why the agent may not add customers. */
export function welcomeCard(say: Say, model: WelcomeCardModel): AdaptiveCardJson {
  return fill({
    mayAddCustomers: model.mayAddCustomers,
    sharedChat: model.sharedChat,
    manager: model.manager,
    t: {
      title: say(
        model.manager && !model.mayAddCustomers ? 'card.welcome.managerTitle' : 'card.welcome.title',
      ),
      intro: say('card.welcome.intro'),
      steps: say('card.welcome.steps'),
      existingCustomers: say('card.welcome.existingCustomers'),
      commands: say('card.welcome.commands'),
      sharedChat: say('card.welcome.sharedChat'),
      notAllowed: say('roles.addCustomer.notAllowed'),
      manager: say('card.welcome.manager'),
      addCustomer: say('card.action.addCustomer'),
    },
  });
}
