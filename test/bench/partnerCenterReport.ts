import { ms, num, table } from './format';
import {
  callsText,
  partnerCenterCallKinds,
  partnerCenterCallLabels,
  sumCalls,
  totalCalls,
  type PartnerCenterCalls,
} from './partnerCenterCalls';
import { median } from './percentiles';
import type { BenchResults } from './results';

/** The row of the results table, next to the Cosmos DB requests per completed onboarding. */
export function partnerCenterRows(results: BenchResults): string[][] {
  const probe = results.partnerCenter;
  if (!probe) return [];
  const all = sumCalls(probe.beforeSubmit, probe.fromSubmit);
  return [
    [
      'Partner Center calls per completed onboarding (creation included; one onboarding at a time, below)',
      `${num(totalCalls(all) / probe.onboardings, 2)} (${callsText(all, probe.onboardings, 2)})`,
      '0',
      '',
    ],
  ];
}

/** Partner Center calls per completed onboarding, by call: the account info checks and the creation. */
export function renderPartnerCenter(results: BenchResults): string[] {
  const probe = results.partnerCenter;
  if (!probe) return [];
  const { onboardings, beforeSubmit, fromSubmit } = probe;
  const per = (value: number) => num(value / onboardings, 2);
  const row = (name: string, request: string, pick: (calls: PartnerCenterCalls) => number) => [
    name,
    request,
    per(pick(beforeSubmit)),
    per(pick(fromSubmit)),
    per(pick(beforeSubmit) + pick(fromSubmit)),
  ];
  const rows = partnerCenterCallKinds.map((kind) =>
    row(
      partnerCenterCallLabels[kind].name,
      `\`${partnerCenterCallLabels[kind].request}\``,
      (calls) => calls[kind],
    ),
  );
  if (beforeSubmit.other + fromSubmit.other !== 0) rows.push(row('other', '', (calls) => calls.other));
  rows.push(row('**total**', '', totalCalls).map((cell, index) => (index >= 2 ? `**${cell}**` : cell)));
  return [
    '### Partner Center calls per onboarding',
    '',
    `Counted by the local Partner Center (its count of the requests it received; it runs in the store process, or in the bot's when the store does), in the bot of ` +
      `the Cosmos DB breakdown, before that breakdown: ${onboardings} complete onboardings by one agent, one at a time, with the ` +
      'MCA attested. Before each, the creation worker had no customer pending; after its submit, the benchmark waited until the ' +
      "record's `partnerCenter.state` was `created`, so the worker's calls after the submit (the create, the MCA template and " +
      'the acceptance) are counted and no other onboarding\'s are: exact, not an estimate. "Before submit" is the turns up to the ' +
      'review card (the account info checks); "from submit" is the submit turn and the creation worker, which the submit wakes.',
    '',
    table(['call', 'request', 'before submit', 'from submit until created', 'per onboarding'], rows),
    '',
    `The record was \`created\` ${ms(median(probe.createdAfterMs))} ms after the submit answered (median; polled every 10 ms), ` +
      `the agent's message from the worker delivered to their chat (a local Bot Connector) for ${probe.told} of ${onboardings}. ` +
      'A relationship link is fetched only for a customer who already has a tenant, which no benchmark onboarding has.',
    '',
  ];
}
