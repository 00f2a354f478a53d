import { english } from '../harness/englishText';
import { z } from 'zod';
import { accountInfoFormSchema, validateAccountInfo } from '../../services/customers/accountInfo';
import { mcaFormSchema, validateMcaConfirmation, type McaContext } from '../../services/customers/mca';
import { dutchCustomerForm, testAccountContext as context } from '../fixtures/accountInfoForms';

/** Every input of a form schema, as a dotted field path. */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = schema instanceof z.ZodPipe ? (schema.out as z.ZodType) : schema;
  if (!(inner instanceof z.ZodObject)) return [prefix];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
    fieldPaths(child, prefix ? `${prefix}.${key}` : key),
  );
}

type Form = Record<string, unknown>;

function valueAt(form: Form, path: string): string {
  return path.split('.').reduce<unknown>((value, key) => (value as Form)[key], form) as string;
}

/** A copy of `form` with the text at `path` replaced. */
function withText(form: Form, path: string, text: string): Form {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...form, [head!]: text };
  return { ...form, [head!]: withText(form[head!] as Form, rest.join('.'), text) };
}

function accountErrors(form: unknown) {
  const result = validateAccountInfo(form, context);
  return result.ok ? [] : result.errors;
}

/** Something valid to type into each field of the Dutch form, where the fixture leaves it empty. */
const filledDutchForm = (): Form => {
  const form = dutchCustomerForm();
  return {
    ...form,
    address: { ...form.address, line2: '3rd floor', state: 'Noord-Holland' },
    registrationNumber: '12345678',
    primaryContact: { ...form.primaryContact, phone: '+31 20 123 4567' },
  };
};

const salesAgent: McaContext = { now: new Date('2026-11-23T12:00:00Z'), roles: ['salesAgent'] };

const attested = (): Form => ({
  kind: 'attested',
  acceptedBy: {
    firstName: 'Jan',
    lastName: 'de Vries',
    email: 'jan.devries@contoso.nl',
    phone: '+31201234567',
  },
  acceptedOn: '2026-11-20',
});

function mcaErrors(form: unknown) {
  const result = validateMcaConfirmation(form, salesAgent);
  return result.ok ? [] : result.errors;
}

/** The hidden characters of the issue, each with the kind the agent is told. */
const HIDDEN: [string, string, string][] = [
  ['a NUL', '\u0000', 'text.controlCharacter'],
  ['an escape sequence', '\u001b[31m', 'text.controlCharacter'],
  ['a bell', '\u0007', 'text.controlCharacter'],
  ['a tab', '\t', 'text.controlCharacter'],
  ['a line feed', '\n', 'text.controlCharacter'],
  ['a carriage return', '\r', 'text.controlCharacter'],
  ['a C1 control (next line)', '\u0085', 'text.controlCharacter'],
  ['a line separator', '\u2028', 'text.controlCharacter'],
  ['a delete', '\u007f', 'text.controlCharacter'],
  ['a right-to-left override', '\u202e', 'text.directionControl'],
  ['a left-to-right embedding', '\u202a', 'text.directionControl'],
  ['a right-to-left mark', '\u200f', 'text.directionControl'],
  ['a first-strong isolate', '\u2068', 'text.directionControl'],
  ['an Arabic letter mark', '\u061c', 'text.directionControl'],
  ['a zero-width space', '\u200b', 'text.invisibleCharacter'],
  ['a zero-width joiner', '\u200d', 'text.invisibleCharacter'],
  ['a zero-width non-joiner', '\u200c', 'text.invisibleCharacter'],
  ['a word joiner', '\u2060', 'text.invisibleCharacter'],
  ['a byte order mark', '\ufeff', 'text.invisibleCharacter'],
  ['a soft hyphen', '\u00ad', 'text.invisibleCharacter'],
  ['a Mongolian vowel separator (another Cf)', '\u180e', 'text.invisibleCharacter'],
  ['a tag character (another Cf)', '\u{e0041}', 'text.invisibleCharacter'],
  ['a Hangul filler, a blank that counts as a letter', '\u3164', 'text.invisibleCharacter'],
  ['half of a surrogate pair', '\ud800', 'text.brokenCharacter'],
];

describe('hidden characters in the account info form', () => {
  const paths = fieldPaths(accountInfoFormSchema);

  it('knows every field of the form', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'legalName',
        'address.line1',
        'address.line2',
        'address.city',
        'address.state',
        'address.postalCode',
        'registrationNumber',
        'primaryContact.firstName',
        'primaryContact.lastName',
        'primaryContact.email',
        'primaryContact.phone',
      ]),
    );
  });

  it.each(paths)('refuses a zero-width space in %s, at that field only, naming it', (path) => {
    const form = filledDutchForm();
    const typed = valueAt(form, path);
    const errors = accountErrors(withText(form, path, `${typed.slice(0, 2)}\u200b${typed.slice(2)}`));
    expect(errors.map(({ field, key }) => ({ field, key }))).toEqual([
      { field: path, key: 'text.invisibleCharacter' },
    ]);
    const [error] = errors;
    expect(error!.params).toMatchObject({ position: 3, count: 1, character: 'U+200B zero width space' });
    // Named by its label, as on the card, not by its path.
    expect(english(error!)).not.toMatch(new RegExp(`^${path}`));
    expect(String(error!.params.label)).not.toBe(path);
  });

  it.each(HIDDEN)('refuses %s in the legal name', (_what, hidden, key) => {
    expect(accountErrors(withText(filledDutchForm(), 'legalName', `Contoso${hidden} B.V.`))).toEqual([
      expect.objectContaining({ field: 'legalName', key, params: expect.objectContaining({ position: 8 }) }),
    ]);
  });

  it.each(HIDDEN)(
    'refuses %s in a contact name, an address line and an email address',
    (_what, hidden, key) => {
      const form = withText(
        withText(
          withText(filledDutchForm(), 'primaryContact.firstName', `J${hidden}an`),
          'address.line1',
          `${hidden}Keizersgracht 1`,
        ),
        'primaryContact.email',
        `jan${hidden}@contoso.nl`,
      );
      expect(accountErrors(form).map(({ field, key }) => ({ field, key }))).toEqual([
        { field: 'address.line1', key },
        { field: 'primaryContact.firstName', key },
        { field: 'primaryContact.email', key },
      ]);
    },
  );

  it('says which field, what kind of character and where, without repeating the character', () => {
    const [error] = accountErrors(withText(filledDutchForm(), 'legalName', 'Contoso\u202e B.V.'));
    expect(error && english(error)).toBe(
      'Company legal name contains a hidden text-direction mark (U+202E right-to-left override) at character 8; it can make the text show differently from what is stored. Type the value again without it.',
    );
    const [escape] = accountErrors(withText(filledDutchForm(), 'address.city', 'Amster\u001b[2Jdam'));
    expect(escape && english(escape)).toBe(
      'City contains a hidden control character (U+001B escape) at character 7. Type the value again on one line, without it.',
    );
    const [zeroWidth] = accountErrors(
      withText(filledDutchForm(), 'primaryContact.lastName', 'de\u200b Vr\u200bies'),
    );
    expect(zeroWidth && english(zeroWidth)).toBe(
      'Last name contains 2 hidden characters; the first, at character 3, is an invisible character (U+200B zero width space) that would make this value differ from one that looks the same. Type the value again without them.',
    );
    for (const found of [error, escape, zeroWidth]) {
      expect(english(found!)).not.toMatch(/[\p{Cc}\u200b\u202e]/u);
      expect(JSON.stringify(found!.params)).not.toMatch(/[\p{Cc}\u200b\u202e]|\\u00|\\u20/u);
    }
  });

  it("reports the hidden character instead of the field's other problems, and every other field's problems as well", () => {
    const form = withText(
      withText(filledDutchForm(), 'primaryContact.firstName', 'Test\u0000'),
      'address.postalCode',
      '1234',
    );
    expect(accountErrors(form).map(({ field, key }) => ({ field, key }))).toEqual([
      { field: 'address.postalCode', key: 'address.postalCode.invalid' },
      { field: 'primaryContact.firstName', key: 'text.controlCharacter' },
    ]);
  });

  it('refuses a line break even at the end of a field, where it used to be trimmed away', () => {
    expect(accountErrors(withText(filledDutchForm(), 'legalName', 'Contoso B.V.\n'))).toEqual([
      expect.objectContaining({
        field: 'legalName',
        key: 'text.controlCharacter',
        params: expect.objectContaining({ position: 13 }),
      }),
    ]);
  });

  it('says nothing else about a country it refuses, where the country would otherwise be read and quoted', () => {
    const result = validateAccountInfo(withText(filledDutchForm(), 'country', 'Nether\ufefflands'), context);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'country', key: 'text.invisibleCharacter' })],
    });
    expect(result.notices).toBeUndefined();
  });

  it('stores no hidden character in any field of a valid value', () => {
    const result = validateAccountInfo(filledDutchForm(), context);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.ok && result.value)).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});

describe('text the account info form accepts', () => {
  it('stores every text field in NFC, composed as most keyboards type it', () => {
    const decomposed = (text: string) => text.normalize('NFD');
    const form = withText(
      withText(
        withText(
          withText(filledDutchForm(), 'legalName', decomposed('Café Zürich Société B.V.')),
          'address.line1',
          decomposed('Heiligeweg 3, Brasserie Déjà Vu'),
        ),
        'primaryContact.firstName',
        decomposed('Zoë'),
      ),
      'address.city',
      decomposed('Ærøskøbing Amsterdam'),
    );
    const result = validateAccountInfo(form, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.legalName).toBe('Café Zürich Société B.V.'.normalize('NFC'));
    expect(result.value.legalName).toHaveLength('Café Zürich Société B.V.'.length);
    expect(result.value.address.line1).toBe('Heiligeweg 3, Brasserie Déjà Vu'.normalize('NFC'));
    expect(result.value.primaryContact.firstName).toBe('Zoë'.normalize('NFC'));
    expect(result.value.address.city).toBe('Ærøskøbing Amsterdam'.normalize('NFC'));
    for (const text of [
      result.value.legalName,
      result.value.address.line1,
      result.value.primaryContact.firstName,
    ])
      expect(text.normalize('NFC')).toBe(text);
  });

  it.each([
    ['accents', 'Müller & Söhne GmbH'],
    ['Chinese', '李宁有限公司'],
    ['Arabic', 'شركة المراعي'],
    ['Hebrew', 'חברת אלקטרה בע"מ'],
    ['Russian', 'ООО Ромашка'],
    ['Greek', 'Ελληνικά Πετρέλαια Α.Ε.'],
    ['Hindi', 'टाटा मोटर्स लिमिटेड'],
    ['apostrophes and dashes', "O'Brien–Smith & Co. Ltd"],
  ])('accepts a legal name in %s, as typed', (_what, legalName) => {
    const result = validateAccountInfo(withText(filledDutchForm(), 'legalName', legalName), context);
    expect(result.ok && result.value.legalName).toBe(legalName);
  });

  it('trims spaces of any width at the ends and makes the spaces inside ordinary ones', () => {
    const result = validateAccountInfo(
      withText(filledDutchForm(), 'legalName', '\u00a0\u3000Contoso\u00a0\u2009B.V.\u202f '),
      context,
    );
    expect(result.ok && result.value.legalName).toBe('Contoso B.V.');
  });
});

describe('hidden characters in the MCA form', () => {
  it.each(['acceptedBy.firstName', 'acceptedBy.lastName', 'acceptedBy.email', 'acceptedBy.phone'])(
    'refuses a right-to-left override in %s of the person who accepted',
    (path) => {
      const form = attested();
      const errors = mcaErrors(withText(form, path, `\u202e${valueAt(form, path)}`));
      expect(errors.map(({ field, key }) => ({ field, key }))).toEqual([
        { field: path, key: 'text.directionControl' },
      ]);
      expect(errors[0]!.params).toMatchObject({ position: 1, character: 'U+202E right-to-left override' });
    },
  );

  it('names the fields of the MCA card by their labels', () => {
    const [error] = mcaErrors(withText(attested(), 'acceptedBy.email', 'jan@con\u0000toso.nl'));
    expect(error && english(error)).toBe(
      'Email address contains a hidden control character (U+0000 null) at character 8. Type the value again on one line, without it.',
    );
    expect(fieldPaths(mcaFormSchema)).toEqual(
      expect.arrayContaining([
        'acceptedBy.firstName',
        'acceptedBy.lastName',
        'acceptedBy.email',
        'acceptedBy.phone',
      ]),
    );
  });

  it('stores the person who accepted in NFC', () => {
    const result = validateMcaConfirmation(
      withText(attested(), 'acceptedBy.lastName', 'Mülle\u0301r'.normalize('NFD')),
      salesAgent,
    );
    expect(result.ok && result.value.kind === 'attested' && result.value.acceptedBy.lastName).toBe(
      'Mülle\u0301r'.normalize('NFC'),
    );
  });

  it('ignores the person fields when the customer will accept later, as nothing of them is stored', () => {
    expect(
      mcaErrors({ ...attested(), kind: 'customerWillAccept', acceptedBy: { firstName: 'J\u0000an' } }),
    ).toEqual([]);
  });
});
