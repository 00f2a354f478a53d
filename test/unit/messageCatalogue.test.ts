import { english, readable } from '../harness/englishText';
import { z } from 'zod';
import {
  isPluralMessage,
  messageForms,
  messageTemplate,
  say,
  type MessageKey,
} from '../../messages/catalogue';
import { en } from '../../messages/en';
import { addFieldIssue, validateWith } from '../../services/validation/fieldError';

describe('message catalogue', () => {
  it('fills placeholders from the params', () => {
    expect(say('field.tooLong', { label: 'City', max: 200 })).toBe('City can have at most 200 characters.');
  });

  it('leaves an unknown placeholder visible rather than inventing text', () => {
    expect(say('field.tooLong', { label: 'City' })).toContain('{max}');
  });
});

describe('plural messages', () => {
  const exactly = (min: number | string) =>
    say('order.quantity.exactly', { offerName: 'Azure plan', min, value: 2 });

  it('takes the "one" form for 1 and the "other" form for any other number', () => {
    expect(exactly(1)).toBe('Azure plan is ordered with exactly 1 licence; you entered 2.');
    expect(exactly(25)).toBe('Azure plan is ordered with exactly 25 licences; you entered 2.');
    expect(exactly(0)).toBe('Azure plan is ordered with exactly 0 licences; you entered 2.');
  });

  it('reads a number given as text', () => {
    expect(exactly('1')).toBe('Azure plan is ordered with exactly 1 licence; you entered 2.');
  });

  it('takes the "other" form when the number is missing, leaving its placeholder visible', () => {
    expect(say('order.quantity.exactly', { offerName: 'Azure plan', value: 2 })).toBe(
      'Azure plan is ordered with exactly {min} licences; you entered 2.',
    );
  });

  it('hands every form of an entry to whoever needs all the wordings', () => {
    expect(messageForms(messageTemplate('order.quantity.exactly'))).toEqual([
      '{offerName} is ordered with exactly {min} licence; you entered {value}.',
      '{offerName} is ordered with exactly {min} licences; you entered {value}.',
    ]);
    expect(messageForms(messageTemplate('field.required'))).toEqual(['Enter {label}.']);
  });
});

describe('every catalogue entry', () => {
  const keys = Object.keys(en) as MessageKey[];
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const englishCategories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
  // Numbers that reach every plural category of most languages.
  const samples = [0, 1, 2, 3, 5, 11, 21, 101, 1.5];

  it('has plural entries to check', () => {
    expect(keys.filter((key) => isPluralMessage(messageTemplate(key))).length).toBeGreaterThan(0);
  });

  it.each(keys)('%s is one sentence, or a form for every plural category English uses', (key) => {
    const template = messageTemplate(key);
    if (!isPluralMessage(template)) {
      expect(typeof template).toBe('string');
      return;
    }
    expect(template.plural).toMatch(/^\w+$/);
    for (const category of englishCategories) expect(typeof template[category]).toBe('string');
    // The number must be shown somewhere, and no form may need a param the "other" form does not.
    const needed = placeholders(template.other);
    expect(needed).toContain(template.plural);
    for (const form of messageForms(template)) {
      for (const name of placeholders(form)) expect(needed).toContain(name);
    }
  });

  it.each(keys)('%s has every placeholder of every form supplied by its params', (key) => {
    const names = [...new Set(messageForms(messageTemplate(key)).flatMap(placeholders))];
    const template = messageTemplate(key);
    const counts = isPluralMessage(template) ? samples : [undefined];
    const rendered = new Set<string>();
    for (const count of counts) {
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      if (isPluralMessage(template) && count !== undefined) params[template.plural] = String(count);
      const text = say(key, params);
      expect(text).not.toMatch(/\{\w+\}/);
      rendered.add(text.replace(/\d+(\.\d+)?/g, '#'));
    }
    // Each form is reachable: as many different wordings as forms.
    expect(rendered.size).toBe(messageForms(template).length);
  });
});

describe('field errors from zod', () => {
  const schema = z.object({ city: z.string().min(1).max(5), code: z.string() }).superRefine((value, ctx) => {
    if (value.code === 'x') addFieldIssue(ctx, ['code'], 'field.invalid', { label: 'Code' });
  });

  it('names a missing field as required, with its label', () => {
    const result = validateWith(schema, { code: 'a' }, { city: 'card.accountInfo.city' });
    expect(readable(result)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'city', key: 'field.required', message: 'Enter City.' })],
    });
  });

  it('carries a rule-specific message key through a refinement', () => {
    const result = validateWith(schema, { city: 'Delft', code: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(readable(result.errors[0])).toMatchObject({ field: 'code', message: 'Code is not valid.' });
  });

  it('calls a value of the wrong type invalid, not missing', () => {
    const result = validateWith(schema, { city: 5, code: 'a' }, { city: 'card.accountInfo.city' });
    expect(!result.ok && result.errors[0] && english(result.errors[0])).toBe('City is not valid.');
  });

  it('reports a too-long value with its limit', () => {
    const result = validateWith(schema, { city: 'Amsterdam', code: 'a' }, { city: 'card.accountInfo.city' });
    expect(!result.ok && result.errors[0] && english(result.errors[0])).toBe(
      'City can have at most 5 characters.',
    );
  });
});
