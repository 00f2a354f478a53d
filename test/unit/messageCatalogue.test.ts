import { z } from 'zod';
import { say } from '../../services/messages/catalogue';
import { addFieldIssue, validateWith } from '../../services/validation/fieldError';

describe('message catalogue', () => {
  it('fills placeholders from the params', () => {
    expect(say('field.tooLong', { label: 'City', max: 200 })).toBe('City can have at most 200 characters.');
  });

  it('leaves an unknown placeholder visible rather than inventing text', () => {
    expect(say('field.tooLong', { label: 'City' })).toContain('{max}');
  });
});

describe('field errors from zod', () => {
  const schema = z.object({ city: z.string().min(1).max(5), code: z.string() }).superRefine((value, ctx) => {
    if (value.code === 'x') addFieldIssue(ctx, ['code'], 'field.invalid', { label: 'Code' });
  });

  it('names a missing field as required, with its label', () => {
    const result = validateWith(schema, { code: 'a' }, { city: 'City' });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'city', key: 'field.required', message: 'Enter City.' })],
    });
  });

  it('carries a rule-specific message key through a refinement', () => {
    const result = validateWith(schema, { city: 'Delft', code: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: 'code', message: 'Code is not valid.' });
  });

  it('calls a value of the wrong type invalid, not missing', () => {
    const result = validateWith(schema, { city: 5, code: 'a' }, { city: 'City' });
    expect(!result.ok && result.errors[0]?.message).toBe('City is not valid.');
  });

  it('reports a too-long value with its limit', () => {
    const result = validateWith(schema, { city: 'Amsterdam', code: 'a' }, { city: 'City' });
    expect(!result.ok && result.errors[0]?.message).toBe('City can have at most 5 characters.');
  });
});
