import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, Choice, McaCardModel } from './cardModels';
import { cardTemplate, splitFieldMessages } from './fillTemplate';
import { templateInputIds, templateValues } from './formPaths';
import template from './templates/mca.json';

const fill = cardTemplate(template);

/** The card's input ids: the MCA confirmation's field paths ("acceptedBy.email"). */
export const mcaInputIds = templateInputIds(template);

/**
 * The Microsoft Customer Agreement: the agent attests the customer's acceptance (who and when), or
 * leaves it to the customer. Without the right to attest, only the second choice is offered and the
 * card says why; the person and date fields are then left out. Actions: `{ promptId, action: 'next' }`
 * with the inputs, `{ promptId, action: 'cancel' }` without.
 */
export function mcaCard(say: Say, model: McaCardModel): AdaptiveCardJson {
  // Without the right to attest the person and date fields are not shown: their messages go to the top.
  const shownInputs = model.mayAttest ? mcaInputIds : ['kind'];
  const { byInput, other } = splitFieldMessages(shownInputs, model.errors);
  const values = Object.fromEntries(mcaInputIds.map((id) => [id, model.values[id] ?? '']));
  const choices: Choice[] = [
    ...(model.mayAttest ? [{ value: 'attested', title: say('card.mca.choice.attested') }] : []),
    { value: 'customerWillAccept', title: say('card.mca.choice.customerWillAccept') },
  ];
  if (!choices.some((choice) => choice.value === values.kind)) {
    values.kind = model.mayAttest ? '' : 'customerWillAccept';
  }

  return fill({
    promptId: model.promptId,
    mayAttest: model.mayAttest,
    maxDate: model.maxDate,
    otherErrors: other,
    errors: templateValues(mcaInputIds, byInput),
    values: templateValues(mcaInputIds, values),
    acceptedOn: values.acceptedOn || null,
    choices,
    required: { kind: say('mca.kind.required') },
    t: {
      title: say('card.mca.title'),
      intro: say('card.mca.intro'),
      notAllowed: say('card.mca.notAllowed'),
      choice: say('card.mca.choice'),
      acceptedBy: say('card.mca.acceptedBy'),
      acceptedByIntro: say('card.mca.acceptedBy.intro'),
      firstName: say('card.person.firstName'),
      lastName: say('card.person.lastName'),
      email: say('card.person.email'),
      emailPlaceholder: say('card.person.email.placeholder'),
      phone: say('card.person.phoneOptional'),
      acceptedOn: say('card.mca.acceptedOn'),
      acceptedOnTooLate: model.maxDateIsAgentsOwn
        ? say('card.mca.acceptedOn.tooLate', { maxDate: model.maxDate })
        : say('card.mca.acceptedOn.inFuture'),
      next: model.nextLabel,
      cancel: say('card.action.cancel'),
    },
  });
}
