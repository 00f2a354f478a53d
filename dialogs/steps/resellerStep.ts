import { noResellerChoiceValue } from '../../cards/cardModels';
import { formValuesSchema, type FormValues } from '../../cards/formPaths';
import { resellerCard } from '../../cards/resellerCard';
import type { Reseller } from '../../services/catalogue/schemas';
import type { CardStep } from '../cardStep';
import { messagesByField, problemsOf } from '../stepView';
import { nextLabel } from './nextLabel';

const inputs = new Set(['resellerQuery', 'resellerId']);

/** Indirect providers only: the indirect reseller active in the customer's country, or none. */
export const resellerStep: CardStep<FormValues, Reseller | null> = {
  id: 'reseller',
  actions: ['next', 'search'],
  values: formValuesSchema((id) => inputs.has(id)),

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const country = turn.draft.accountInfo?.country ?? '';
    const query = typeof drawing.view.query === 'string' ? drawing.view.query : '';
    const found = await onboarding.resellersFor(country, query);
    const noMatch = query.trim() !== '' && found.length === 0;
    const resellers = noMatch ? await onboarding.resellersFor(country, '') : found;
    const { resellerId } = turn.draft;
    return resellerCard(turn.say, {
      promptId: drawing.promptId,
      query,
      resellers: resellers.map(({ id, name, mpnId }) => ({ id, name, mpnId })),
      ...(resellerId !== undefined ? { selectedResellerId: resellerId ?? noResellerChoiceValue } : {}),
      noMatch,
      errors: messagesByField(turn.say, drawing.view.problems),
      nextLabel: nextLabel(turn.say, drawing, 'subscriptions'),
    });
  },

  summary: (turn) => ({ title: turn.say('summary.reseller'), facts: [] }),

  async validate(turn, { action, values }) {
    const query = values.resellerQuery ?? '';
    if (action === 'search') return { ok: false, view: { query } };
    const chosen = values.resellerId === noResellerChoiceValue ? null : values.resellerId;
    const validated = await turn.services.onboarding.validateReseller(
      chosen,
      turn.draft.accountInfo?.country ?? '',
    );
    return validated.ok
      ? { ok: true, value: validated.value }
      : { ok: false, view: { query, problems: problemsOf(validated.errors) } };
  },

  async onValid(turn, reseller) {
    turn.draft.resellerId = reseller?.id ?? null;
    return { kind: 'next' };
  },
};
