import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asText } from './plainText';
import template from './templates/recentOnboardings.json';

const fill = cardTemplate(template);

export interface RecentOnboardingsCardModel {
  /** As the manager typed them: agent text, dates as YYYY-MM-DD (or ''). */
  filter: { agent: string; from: string; to: string };
  /** A message about the filter or the page (markdown), or ''. */
  notice: string;
  /** Plain text: the customer's name and one line about it. */
  rows: { legalName: string; line: string }[];
  /** The continuation token of the next page, or '' on the last. */
  more: string;
}

/** "Recent onboardings": a filter (agent, from, to), a page of onboardings, and "More". */
export function recentOnboardingsCard(say: Say, model: RecentOnboardingsCardModel): AdaptiveCardJson {
  return fill({
    filter: model.filter,
    notice: model.notice,
    rows: model.rows.map((row) => ({ legalName: asText(row.legalName), line: asText(row.line) })),
    more: model.more,
    t: {
      title: say('recent.title'),
      agent: say('recent.agent'),
      from: say('recent.from'),
      to: say('recent.to'),
      show: say('recent.show'),
      more: say('recent.more'),
      none: say('recent.none'),
    },
  });
}
