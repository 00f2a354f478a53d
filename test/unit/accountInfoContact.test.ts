import { readable } from '../harness/englishText';
import { countryRules } from '../../services/countries/countryRules';
import { validateAccountInfo } from '../../services/customers/accountInfo';
import { dutchCustomerForm, testAccountContext as context } from '../fixtures/accountInfoForms';
import { checkEmail, checkPersonName, checkPhone } from '../../services/customers/person';

function contactErrors(contact: Record<string, string>) {
  const form = dutchCustomerForm();
  const result = validateAccountInfo(
    { ...form, primaryContact: { ...form.primaryContact, ...contact } },
    context,
  );
  return result.ok ? [] : result.errors.map(({ field, key }) => ({ field, key }));
}

describe('primary contact names', () => {
  it.each(['Jan', 'Zoë', "O'Brien", 'van der Berg', 'Nguyễn', 'X', 'a'.repeat(40), '李'])(
    'accepts %j',
    (name) => {
      expect(checkPersonName(name, 'firstName')).toEqual({ ok: true, value: name });
    },
  );

  it('trims a name and collapses its spaces', () => {
    expect(checkPersonName('  van   der Berg ', 'lastName')).toEqual({ ok: true, value: 'van der Berg' });
  });

  it.each([
    ['firstName', undefined, 'person.firstName.required'],
    ['firstName', '   ', 'person.firstName.required'],
    ['lastName', '', 'person.lastName.required'],
    ['firstName', 'a'.repeat(41), 'person.firstName.tooLong'],
    ['lastName', 'a'.repeat(41), 'person.lastName.tooLong'],
    ['firstName', '12345', 'person.firstName.noLetters'],
    ['lastName', '-', 'person.lastName.noLetters'],
    ['lastName', '#!?', 'person.lastName.noLetters'],
  ] as const)('refuses the %s %j', (which, name, key) => {
    expect(checkPersonName(name, which)).toMatchObject({ ok: false, key });
  });

  it.each([
    'test',
    'Test',
    'TESTER',
    'admin',
    'Administrator',
    'nobody',
    'n/a',
    'N.A.',
    'unknown',
    'First Name',
    'dummy',
  ])('refuses the placeholder %j as a name', (name) => {
    expect(checkPersonName(name, 'firstName')).toMatchObject({
      ok: false,
      key: 'person.firstName.placeholder',
    });
    expect(checkPersonName(name, 'lastName')).toMatchObject({
      ok: false,
      key: 'person.lastName.placeholder',
    });
  });

  it.each(['Sample', 'Bar', 'Foo', 'Doe', 'Testa'])('accepts %j, which is also a real surname', (name) => {
    expect(checkPersonName(name, 'lastName').ok).toBe(true);
  });

  it('reports both names at their own fields', () => {
    expect(contactErrors({ firstName: 'Test', lastName: '123' })).toEqual([
      { field: 'primaryContact.firstName', key: 'person.firstName.placeholder' },
      { field: 'primaryContact.lastName', key: 'person.lastName.noLetters' },
    ]);
  });
});

describe('primary contact names written with look-alike letters or decomposed accents', () => {
  it('answers a name in NFC', () => {
    expect(checkPersonName('Zoë'.normalize('NFD'), 'firstName')).toEqual({
      ok: true,
      value: 'Zoë'.normalize('NFC'),
    });
  });

  it.each(['\u0422est', 'Adm\u0456n', 'n\u043ebody'])(
    'refuses the placeholder %j with a Cyrillic look-alike',
    (name) => {
      expect(checkPersonName(name, 'lastName')).toMatchObject({
        ok: false,
        key: 'person.lastName.placeholder',
        params: { value: name },
      });
    },
  );
});

describe('primary contact email', () => {
  it.each([
    ['jan@contoso.nl', 'jan@contoso.nl'],
    [' Jan.de.Vries@Contoso.NL ', 'Jan.de.Vries@contoso.nl'],
    ['it+admin@mail.contoso.co.uk', 'it+admin@mail.contoso.co.uk'],
  ])('accepts %j as %j', (typed, email) => {
    expect(checkEmail(typed, ['fabrikam.com'])).toEqual({ ok: true, value: email });
  });

  it.each([
    'jan',
    'jan@',
    '@contoso.nl',
    'jan@contoso',
    'jan @contoso.nl',
    'jan@@contoso.nl',
    `${'a'.repeat(250)}@contoso.nl`,
  ])('refuses the invalid address %j', (email) => {
    expect(checkEmail(email)).toMatchObject({ ok: false, key: 'person.email.invalid' });
  });

  it.each(['someone@microsoft.com', 'Someone@Microsoft.COM', 'someone@europe.microsoft.com'])(
    'refuses the Microsoft address %j',
    (email) => {
      expect(checkEmail(email)).toMatchObject({ ok: false, key: 'person.email.microsoft' });
    },
  );

  it('accepts a domain that only ends in the same letters as microsoft.com', () => {
    expect(checkEmail('jan@notmicrosoft.com').ok).toBe(true);
  });

  it.each([
    'agent@fabrikam.com',
    'agent@FABRIKAM.com',
    'agent@sales.fabrikam.com',
    'agent@fabrikam-partner.nl',
  ])("refuses the partner's own address %j", (email) => {
    expect(checkEmail(email, context.partnerEmailDomains)).toMatchObject({
      ok: false,
      key: 'person.email.partnerDomain',
    });
  });

  it("tells the agent to use the customer's address instead of the partner's", () => {
    const result = validateAccountInfo(
      {
        ...dutchCustomerForm(),
        primaryContact: { firstName: 'Jan', lastName: 'Smit', email: 'jan@fabrikam.com' },
      },
      context,
    );
    expect(readable(!result.ok && result.errors)).toEqual([
      expect.objectContaining({
        field: 'primaryContact.email',
        message:
          "Enter an email address of the customer's organisation, not one of your own company (fabrikam.com).",
      }),
    ]);
  });

  it('reports a missing email at its field', () => {
    expect(contactErrors({ email: '' })).toEqual([
      { field: 'primaryContact.email', key: 'person.email.required' },
    ]);
  });
});

describe('primary contact phone', () => {
  const netherlands = countryRules('NL');
  const india = countryRules('IN');

  it.each([
    ['020 123 4567', '0201234567'],
    ['+31 20 123 4567', '+31201234567'],
    ['+31 (0)20 123 4567', '+31201234567'],
    ['0031-20-1234567', '+31201234567'],
    ['06 12345678', '0612345678'],
  ])('in NL accepts %j as %j', (typed, phone) => {
    expect(checkPhone(typed, netherlands)).toEqual({ ok: true, value: phone });
  });

  it.each(['12345', '+32 2 123 45 67', '020 123 456 789', 'call me'])('in NL refuses %j', (typed) => {
    expect(checkPhone(typed, netherlands)).toMatchObject({ ok: false, key: 'person.phone.invalid' });
  });

  it('is optional in NL and required in IN', () => {
    expect(checkPhone('', netherlands)).toEqual({ ok: true, value: undefined });
    expect(checkPhone('', india)).toMatchObject({
      ok: false,
      key: 'person.phone.required',
      params: { country: { country: 'IN', inSentence: true } },
    });
  });

  it('accepts any plausible number when the country is not known', () => {
    expect(checkPhone('+44 20 7946 0000', undefined)).toEqual({ ok: true, value: '+442079460000' });
    expect(checkPhone('12', undefined)).toMatchObject({ ok: false, key: 'person.phone.invalidAnyCountry' });
  });

  it('shows an example in the country format when a number is wrong', () => {
    const form = dutchCustomerForm();
    const result = validateAccountInfo(
      { ...form, primaryContact: { ...form.primaryContact, phone: '12345' } },
      context,
    );
    expect(readable(!result.ok && result.errors[0])).toMatchObject({
      field: 'primaryContact.phone',
      message: '"12345" is not a valid phone number in the Netherlands. Enter it like +31 20 123 4567.',
    });
  });
});
