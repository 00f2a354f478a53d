import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { isSoldIn } from '../../services/catalogue/offerAvailability';
import { dutchAccountInputs, quantityOf } from '../dialogs/flowFixtures';
import { widestOrder } from '../fixtures/widestOrder';
import { teamsActivityBytes } from '../harness/cardValidation';
import { actionsOf, cardsOf, inputValues } from '../harness/conversationHarness';
import { BenchClient } from './benchClient';
import { difference, emptyTally, type Tally } from './cosmosRequests';
import type { BotHost } from './hostProtocol';
import type { BenchCompany } from './onboardingScript';
import { addTally, storeTally } from './turnProfile';

/** The turns of a subscriptions card, by what the agent did. */
export const catalogueTurns = ['search', 'more', 'add', 'change', 'next', 'submit'] as const;
export type CatalogueTurn = (typeof catalogueTurns)[number];

export interface CatalogueTurnFigures {
  turns: number;
  /** Summed over the turns. */
  tally: Tally;
  /** Milliseconds per turn, in the order measured. */
  durations: number[];
  /** The largest reply, as Teams counts it (UTF-16 bytes of the whole activity). */
  largestBytes: number;
}

export interface CatalogueSession {
  /** Lines in the order at its largest. */
  lines: number;
  byTurn: Record<CatalogueTurn, CatalogueTurnFigures>;
  /** The largest card of the whole onboarding (every card of every turn), and the turn that sent it. */
  largest: { bytes: number; turn: string };
}

type Card = ReturnType<typeof cardsOf>[number];

/**
 * One agent orders the widest order the catalogue allows (every line an offer with a long name, the
 * add-ons first so that each waits for its base while the order grows), with searches and pages
 * between, then submits: each turn's Cosmos DB requests and time, and the size of every card the bot
 * sends, as Teams counts it.
 */
export async function measureCatalogueSession(
  host: BotHost,
  company: BenchCompany,
): Promise<CatalogueSession> {
  const client = new BenchClient(host.messagesUrl, { conversationId: `bench-catalogue-${randomUUID()}` });
  const byTurn = Object.fromEntries(
    catalogueTurns.map((turn) => [turn, { turns: 0, tally: emptyTally(), durations: [], largestBytes: 0 }]),
  ) as unknown as Record<CatalogueTurn, CatalogueTurnFigures>;
  const largest = { bytes: 0, turn: '' };
  let card: Card | undefined;

  const send = async (name: string, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
    const replies = await client.send(activity);
    for (const reply of replies) {
      const bytes = teamsActivityBytes(reply);
      if (cardsOf([reply]).length > 0 && bytes > largest.bytes) Object.assign(largest, { bytes, turn: name });
    }
    card = cardsOf(replies).at(-1) ?? card;
    return replies;
  };
  const press = (action: string, typed: Record<string, string> = {}, where: Record<string, string> = {}) => {
    const button = actionsOf(card!).find(
      (candidate) =>
        candidate.data?.action === action &&
        Object.entries(where).every(([key, value]) => candidate.data?.[key] === value),
    );
    if (!button?.data) throw new Error(`No "${action}" button ${JSON.stringify(where)} on the card`);
    const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card!), ...typed };
    return { value: { ...values, ...button.data } };
  };
  const measured = async (turn: CatalogueTurn, activity: Partial<Activity>) => {
    const before = storeTally(await host.snapshot());
    const start = performance.now();
    const replies = await send(turn, activity);
    const figures = byTurn[turn];
    figures.durations.push(performance.now() - start);
    addTally(figures.tally, difference(storeTally(await host.snapshot()), before));
    figures.turns += 1;
    for (const reply of replies)
      figures.largestBytes = Math.max(figures.largestBytes, teamsActivityBytes(reply));
    return replies;
  };

  await send('start', 'add customer');
  await send(
    'accountInfo',
    press('next', dutchAccountInputs({ legalName: company.legalName, domainPrefix: company.domainPrefix })),
  );
  await send('mca', press('next', { kind: 'attested' }));

  const sold = (await loadCatalogue()).offers.data.offers.filter((offer) => isSoldIn(offer, 'NL'));
  const { addOns, bases } = widestOrder(sold);
  for (const query of ['e3', 'business premium', 'dynamics 365', 'windows 365 enterprise']) {
    await measured('search', press('search', { offerQuery: query }));
    await measured('more', press('morePage'));
  }
  for (const offer of [...addOns, ...bases]) {
    await measured('search', press('search', { offerQuery: offer.sku }));
    await measured(
      'add',
      press('addLine', { [quantityOf(offer.id)]: String(offer.minQuantity) }, { offerId: offer.id }),
    );
    if (offer === addOns.at(-1))
      await measured('search', press('search', { offerQuery: 'windows 365 enterprise' }));
  }
  const first = addOns[0]!;
  await measured('change', press('changeLine', {}, { offerId: first.id }));
  await measured(
    'change',
    press('saveLine', { [quantityOf(first.id)]: String(first.minQuantity + 1) }, { offerId: first.id }),
  );
  await measured('next', press('next'));
  await measured('submit', press('submit'));
  if (!JSON.stringify(card).includes('Customer added'))
    throw new Error('The catalogue session was not submitted');
  return { lines: addOns.length + bases.length, byTurn, largest };
}
