import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { observeCardFills } from '../../cards/fillTemplate';
import { produceCards, type ProducedCards } from './producedCards';
import { expandWithLibrary } from './templatingLibrary';

/**
 * Every card the bot fills over the conversations of producedCards.ts (each step with and without
 * errors, Update from Review, the reseller of an indirect provider, help, cancel, language, done,
 * submitted, own customer, the relationship request, Partner Center's outcomes, the notification,
 * recent onboardings, welcome) is filled again from the same template and data by
 * adaptivecards-templating: the two cards must be the same.
 */

const templateDirectory = join(__dirname, '../../cards/templates');
const templateFiles = readdirSync(templateDirectory).filter((file) => file.endsWith('.json'));
const templateNameByText = new Map(
  templateFiles.map((file) => [
    JSON.stringify(JSON.parse(readFileSync(join(templateDirectory, file), 'utf8'))),
    basename(file, '.json'),
  ]),
);
const templateNames = new WeakMap<object, string>();
const nameOf = (template: object): string => {
  let name = templateNames.get(template);
  if (!name) {
    name = templateNameByText.get(JSON.stringify(template)) ?? 'a template not in cards/templates';
    templateNames.set(template, name);
  }
  return name;
};

interface Difference {
  template: string;
  data: object;
  card: unknown;
  library: unknown;
}

const compared = new Map<string, number>();
const differences: Difference[] = [];
let produced: ProducedCards | undefined;

beforeAll(async () => {
  observeCardFills((template, data, card) => {
    const name = nameOf(template);
    compared.set(name, (compared.get(name) ?? 0) + 1);
    let library: unknown;
    try {
      library = expandWithLibrary(template, data);
    } catch (error) {
      library = `adaptivecards-templating failed: ${String(error)}`;
    }
    if (!isDeepStrictEqual(card, library)) {
      differences.push({ template: name, data: structuredClone(data), card: structuredClone(card), library });
    }
  });
  produced = await produceCards();
}, 120_000);

afterAll(async () => {
  observeCardFills(undefined);
  await produced?.stop();
});

it('fills every card exactly as adaptivecards-templating did', () => {
  const first = differences[0];
  if (first)
    expect({ template: first.template, card: first.card }).toStrictEqual({
      template: first.template,
      card: first.library,
    });
  expect(differences.map((difference) => difference.template)).toEqual([]);
  expect([...compared.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(templateFiles.length);
});

it('compares every template in cards/templates, and only those', () => {
  const names = templateFiles.map((file) => basename(file, '.json'));
  expect(names.filter((name) => !compared.has(name))).toEqual([]);
  expect([...compared.keys()].filter((name) => !names.includes(name))).toEqual([]);
});
