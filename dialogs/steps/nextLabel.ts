import type { MessageKey, Say } from '../../messages/catalogue';
import type { CardDrawing } from '../cardStep';

const labels = {
  mca: 'card.action.next.mca',
  reseller: 'card.action.next.reseller',
  subscriptions: 'card.action.next.subscriptions',
  review: 'card.action.next.review',
} as const satisfies Record<string, MessageKey>;

/** Where a step card's Next leads, as Partner Center words it; back to Review after an update. */
export function nextLabel(say: Say, drawing: CardDrawing, next: keyof typeof labels): string {
  return say(drawing.fromReview ? 'card.action.backToReview' : labels[next]);
}
