import type { ResourceResponse, TurnContext } from 'botbuilder';

export interface HeldReplies {
  /** Sends what the turn said, in order. */
  release(): Promise<void>;
  /** Forgets what the turn said: its state was not kept, so neither is its answer. */
  discard(): void;
  /** Forgets what the turn said so far and keeps holding: the turn runs again. */
  forget(): void;
}

/**
 * Holds a turn's replies (and card updates) until the turn's state is saved. A turn overtaken by
 * another turn of the same conversation (a double click, two tabs) then shows nothing of what it did:
 * the agent never sees a card or a Done that the saved state does not back.
 */
export function holdReplies(context: TurnContext): HeldReplies {
  const held: (() => Promise<unknown>)[] = [];
  let holding = true;
  context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
    if (!holding) return next();
    held.push(next);
    return activities.map(() => ({ id: '' }));
  });
  context.onUpdateActivity(async (_context, _activity, next) => {
    if (!holding) return next();
    held.push(next);
  });
  return {
    async release() {
      holding = false;
      for (const send of held.splice(0)) await send();
    },
    discard() {
      holding = false;
      held.length = 0;
    },
    forget() {
      held.length = 0;
    },
  };
}
