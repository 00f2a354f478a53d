import { ms, num, ratio, table } from './format';
import type { BenchResults } from './results';

/** What managers' notifications cost: the submit's part and the dispatcher's, in this run. */
export function renderNotifications(results: BenchResults): string[] {
  const cost = results.notifications;
  if (!cost) return [];
  const { submit, dispatcher } = cost;
  const containers = Object.entries(dispatcher.byContainer)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${key} ${num(count, 2)}`)
    .join(', ');
  return [
    "### Managers' notifications",
    '',
    `In one process (the bot, its dispatcher and the embedded store, no data folder) with a local Teams endpoint: ` +
      `${cost.onboardings} onboardings submitted through the customer service with no manager, then ${cost.onboardings} with ` +
      `${cost.managers} managers (the submit writes one outbox entry each before the record; the dispatcher stopped), ` +
      `then the dispatcher started and delivered all ${cost.onboardings * cost.managers} notifications (each manager's paced ` +
      "to Teams' limits, so wall time is not a cost here).",
    '',
    table(
      ['', 'no manager', `${cost.managers} managers`, 'ratio'],
      [
        [
          'submit, mean wall time',
          ms(submit.msWithout),
          ms(submit.msWith),
          ratio(submit.msWith / submit.msWithout),
        ],
        [
          'submit, Cosmos DB requests',
          num(submit.requestsWithout, 1),
          num(submit.requestsWith, 1),
          ratio(submit.requestsWith / submit.requestsWithout),
        ],
      ],
    ),
    '',
    table(
      ['dispatcher, per notification delivered', ''],
      [
        ['CPU time (bot, dispatcher and store together)', ms(dispatcher.cpuMsPerNotification)],
        ['Cosmos DB requests', num(dispatcher.requestsPerNotification, 2)],
        ['by container and kind', containers],
      ],
    ),
    '',
  ];
}
