import { mcaCard, mcaInputIds } from '../../cards/mcaCard';
import { flatForm, formValuesSchema, nestedForm, type FormValues } from '../../cards/formPaths';
import type { McaConfirmation } from '../../services/customers/mca';
import type { CardStep } from '../cardStep';
import type { Draft } from '../draft';
import { messagesByField, problemsOf } from '../stepView';
import { keepWhatStillHolds } from './keepWhatStillHolds';
import { nextLabel } from './nextLabel';

const inputs = new Set(mcaInputIds);

/** The Microsoft Customer Agreement: attested by an Admin or Sales agent, or accepted later. */
export const mcaStep: CardStep<FormValues, McaConfirmation> = {
  id: 'mca',
  actions: ['next'],
  values: formValuesSchema((id) => inputs.has(id)),

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const agent = await turn.agent();
    const { today, offsetKnown } = onboarding.agentDay(agent);
    const mayAttest = onboarding.mayAttestMca(agent);
    return mcaCard(turn.say, {
      promptId: drawing.promptId,
      values: withDefaults(turn.draft, mayAttest, today),
      errors: messagesByField(turn.say, drawing.view.problems),
      mayAttest,
      maxDate: today,
      maxDateIsAgentsOwn: offsetKnown,
      nextLabel: nextLabel(
        turn.say,
        drawing,
        onboarding.partner.type === 'indirectProvider' ? 'reseller' : 'subscriptions',
      ),
    });
  },

  summary: (turn, { values }) => ({
    title: turn.say('summary.mca'),
    facts: [
      {
        title: turn.say('fact.mca'),
        value: turn.say(values.kind === 'attested' ? 'value.mcaAttested' : 'value.mcaCustomerWillAccept'),
      },
    ],
  }),

  async validate(turn, { values }) {
    turn.draft.values.mca = values;
    const validated = turn.services.onboarding.validateMca(nestedForm(values), await turn.agent());
    return validated.ok
      ? { ok: true, value: validated.value }
      : { ok: false, view: { problems: problemsOf(validated.errors) } };
  },

  async onValid(turn, mca) {
    const { draft } = turn;
    draft.mca = mca;
    draft.values.mca = { ...draft.values.mca, ...flatForm(mca) };
    await keepWhatStillHolds(turn);
    return { kind: 'next' };
  },
};

/** The person who accepted is prefilled from the primary contact, the date with the agent's today. */
function withDefaults(draft: Draft, mayAttest: boolean, today: string): FormValues {
  const contact = draft.accountInfo?.primaryContact;
  return {
    // Attesting is a legal statement: the agent chooses it, it is never preselected.
    kind: mayAttest ? '' : 'customerWillAccept',
    'acceptedBy.firstName': contact?.firstName ?? '',
    'acceptedBy.lastName': contact?.lastName ?? '',
    'acceptedBy.email': contact?.email ?? '',
    'acceptedBy.phone': contact?.phone ?? '',
    acceptedOn: today,
    ...draft.values.mca,
  };
}
