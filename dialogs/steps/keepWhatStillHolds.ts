import type { StepTurn } from '../cardStep';
import { problemsOf } from '../stepView';

/**
 * After account info or the MCA changed: the order lines and reseller that no longer hold go, and
 * Review says which and why. Nothing else is touched.
 */
export async function keepWhatStillHolds(turn: StepTurn): Promise<void> {
  const { draft } = turn;
  const kept = await turn.services.onboarding.keepValidSections({
    accountInfo: draft.accountInfo,
    mca: draft.mca,
    resellerId: draft.resellerId,
    order: draft.order,
  });
  if (kept.order) {
    draft.order = kept.order;
    draft.values.subscriptions = kept.order.lines;
  }
  if (kept.resellerDropped) delete draft.resellerId;
  draft.changes.push(...problemsOf(kept.removed));
}
