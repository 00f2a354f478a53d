import type { TurnContext } from 'botbuilder';

const checkKey = Symbol('stateFreshness');

/** The bot's check that the state this turn started from is the stored one (see `ensureStateIsCurrent`). */
export function setStateCheck(context: TurnContext, check: () => Promise<void>): void {
  context.turnState.set(checkKey, check);
}

/**
 * Called before anything irreversible (a submit): state served from an instance's cache may be older
 * than the store's, and acting on it could submit from a card the agent has already left. Resolves
 * when the state is current; otherwise the bot's check throws and the turn runs again on the stored
 * state.
 */
export async function ensureStateIsCurrent(context: TurnContext): Promise<void> {
  const check = context.turnState.get(checkKey) as (() => Promise<void>) | undefined;
  if (check) await check();
}
