import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../services/messages/en';
import { expectValidCard, validateAdaptiveCard } from '../harness/cardValidation';
import { allRenderedCards } from './cardFixtures';
import { allObjects, inputs, submitActions, visibleStrings } from './cardQueries';

const rendered = allRenderedCards();

describe.each(rendered)('the %s card', (_name, model, card) => {
  it('is a valid Adaptive Card for Teams, the Emulator and Web Chat', () => {
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(() => expectValidCard(card)).not.toThrow();
  });

  it('uses version 1.5 and Action.Submit buttons only', () => {
    expect(card.version).toBe('1.5');
    const actionTypes = allObjects(card)
      .map((node) => node.type)
      .filter((type): type is string => typeof type === 'string' && type.startsWith('Action.'));
    expect(actionTypes.every((type) => type === 'Action.Submit')).toBe(true);
  });

  it('shows only sentences from the message catalogue and values from its model', () => {
    const modelStrings = new Set(stringsIn(model));
    const foreign = visibleStrings(card).filter(
      (text) => !hasNoWords(text) && !modelStrings.has(stripListMarker(text)) && !isCatalogueSentence(text),
    );
    expect(foreign).toEqual([]);
  });

  it('lets Cancel and other navigation through without checking or sending the inputs', () => {
    for (const action of submitActions(card)) {
      const data = action.data as Record<string, unknown>;
      if (['cancel', 'update', 'confirmCancel', 'keepDraft'].includes(String(data.action)) || data.command) {
        expect(action.associatedInputs).toBe('none');
      }
    }
  });

  it('labels every input', () => {
    for (const node of inputs(card)) expect(typeof node.label === 'string' && node.label !== '').toBe(true);
  });
});

describe('the card templates', () => {
  const dir = join(__dirname, '../../cards/templates');
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));

  it('exist for every card', () => {
    expect(files.sort()).toEqual(
      [
        'accountInfo',
        'confirmCancel',
        'done',
        'existingCustomer',
        'help',
        'mca',
        'reseller',
        'review',
        'submitted',
        'subscriptions',
        'welcome',
      ]
        .map((name) => `${name}.json`)
        .sort(),
    );
  });

  it.each(files)(
    '%s holds no English: every text, label, title, placeholder and error message is an expression',
    (file) => {
      const template: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const literal: string[] = [];
      for (const node of allObjects(template)) {
        for (const key of [
          'text',
          'label',
          'title',
          'placeholder',
          'errorMessage',
          'fallbackText',
          'speak',
        ]) {
          const value = node[key];
          if (typeof value === 'string' && /\p{L}/u.test(value.replace(/\$\{[^}]*\}/g, '')))
            literal.push(`${key}: ${value}`);
        }
      }
      expect(literal).toEqual([]);
    },
  );

  it.each(files)('%s targets version 1.5 and uses no Action.Execute', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(text).not.toContain('Action.Execute');
  });
});

/** Every catalogue sentence as a pattern: a `{placeholder}` stands for any text. */
const cataloguePatterns = Object.values(en).map(
  (sentence) =>
    new RegExp(
      `^${sentence
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\S]+')}$`,
    ),
);

function isCatalogueSentence(text: string): boolean {
  const candidate = stripListMarker(text);
  return cataloguePatterns.some((pattern) => pattern.test(candidate));
}

/** A list item ("- sentence") is a catalogue sentence or a model value behind a marker. */
function stripListMarker(text: string): string {
  return text.replace(/^- /, '');
}

function hasNoWords(text: string): boolean {
  return !/\p{L}/u.test(text);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
