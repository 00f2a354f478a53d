import { countryRules } from '../../services/countries/countryRules';
import { validateAccountInfo } from '../../services/customers/accountInfo';
import { dutchCustomerForm, testAccountContext as context } from '../fixtures/accountInfoForms';

/** A valid form for a customer in the given country, built from that country's own rules. */
function formIn(code: string, address: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const rules = countryRules(code);
  if (!rules) throw new Error(`no rules for ${code}`);
  const form = dutchCustomerForm();
  return {
    ...form,
    country: code,
    language: rules.defaultCulture.split('-')[0],
    culture: rules.defaultCulture,
    registrationNumber: rules.registrationNumberRequired ? (rules.registrationNumberExample ?? '') : '',
    address: {
      ...form.address,
      state: rules.stateRequired ? (rules.states[0]?.code ?? '') : '',
      postalCode: rules.postalCodeExample ?? '',
      ...address,
    },
    primaryContact: { ...form.primaryContact, phone: rules.phoneRequired ? (rules.phoneExample ?? '') : '' },
    ...extra,
  };
}

function errorsOf(input: unknown) {
  const result = validateAccountInfo(input, { ...context, markets: [] as string[] });
  return result.ok ? [] : result.errors.filter((error) => error.key !== 'country.noMarkets');
}

function valueOf(input: unknown) {
  const result = validateAccountInfo(input, {
    ...context,
    markets: ['NL', 'US', 'CA', 'AU', 'IN', 'BR', 'GB', 'PL', 'ZA', 'TR', 'AE', 'SE'],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('account info per country', () => {
  it.each([
    ['NL', '1015cj', '1015 CJ', '1015'],
    ['BE', '1000', '1000', '0999'],
    ['DE', '10115', '10115', '1011'],
    ['FR', '75001', '75001', '750011'],
    ['GB', 'sw1a 1aa', 'SW1A 1AA', '1AA SW1A'],
    ['IE', 'd02x285', 'D02 X285', 'D02'],
    ['US', '98052-6399', '98052-6399', '98052-63'],
    ['CA', 'k1a0b1', 'K1A 0B1', 'K1A 0B'],
    ['AU', '2000', '2000', '20000'],
    ['IN', '110 001', '110001', '11000'],
    ['BR', '01310100', '01310-100', '0131010'],
    ['PL', '00950', '00-950', '0095'],
    ['ZA', '8001', '8001', 'ABCD'],
    ['ES', '28013', '28013', '99013'],
    ['SE', '11455', '114 55', '1145'],
  ])('in %s accepts postal code %j as %j and refuses %j', (code, valid, normalised, invalid) => {
    const accepted = validateAccountInfo(formIn(code, { postalCode: valid }), {
      ...context,
      markets: [code],
    });
    expect(accepted.ok && accepted.value.address.postalCode).toBe(normalised);
    expect(errorsOf(formIn(code, { postalCode: invalid }))).toEqual([
      expect.objectContaining({
        field: 'address.postalCode',
        key: 'address.postalCode.invalid',
        params: expect.objectContaining({ value: invalid }),
      }),
    ]);
  });

  it.each(['IE', 'AE'])('accepts a customer in %s without a postal code', (code) => {
    expect(errorsOf(formIn(code, { postalCode: '' }))).toEqual([]);
  });

  it('accepts any postal code in a country without a pattern', () => {
    expect(valueOf(formIn('AE', { postalCode: 'po box 1234' })).address.postalCode).toBe('PO BOX 1234');
  });

  it.each(['US', 'CA', 'AU', 'IN', 'BR'])('requires a state in %s', (code) => {
    expect(errorsOf(formIn(code, { state: '' }))).toEqual([
      expect.objectContaining({ field: 'address.state', key: 'address.state.required' }),
    ]);
  });

  it.each([
    ['US', 'ca', 'CA'],
    ['US', 'California', 'CA'],
    ['CA', 'ontario', 'ON'],
    ['AU', 'NSW', 'New South Wales'],
    ['AU', 'victoria', 'Victoria'],
    ['IN', 'maharashtra', 'Maharashtra'],
    ['BR', 'são paulo', 'SP'],
  ])('in %s accepts the state %j as %j', (code, typed, state) => {
    expect(valueOf(formIn(code, { state: typed })).address.state).toBe(state);
  });

  it.each([
    ['US', 'XX'],
    ['US', 'Ontario'],
    ['CA', 'CA'],
    ['AU', 'Sydney'],
  ])('in %s refuses %j, which is not in the list', (code, typed) => {
    expect(errorsOf(formIn(code, { state: typed }))).toEqual([
      expect.objectContaining({ field: 'address.state', key: 'address.state.unknown' }),
    ]);
  });

  it('names examples from the list when a state is unknown', () => {
    const [error] = errorsOf(formIn('US', { state: 'XX' }));
    expect(error?.message).toBe(
      '"XX" is not a state or province of United States. Choose one from the list, for example AL, AK, AZ.',
    );
  });

  it.each(['IN', 'BR', 'ZA', 'PL', 'TR', 'AE'])('requires a phone number in %s', (code) => {
    const form = formIn(code);
    expect(errorsOf({ ...form, primaryContact: { ...form.primaryContact, phone: '' } })).toEqual([
      expect.objectContaining({ field: 'primaryContact.phone', key: 'person.phone.required' }),
    ]);
  });

  it.each(['IN', 'BR', 'ZA', 'PL', 'TR', 'AE'])('requires a registration number in %s', (code) => {
    expect(errorsOf(formIn(code, {}, { registrationNumber: '' }))).toEqual([
      expect.objectContaining({ field: 'registrationNumber', key: 'registrationNumber.required' }),
    ]);
  });

  it('says which registration number is needed', () => {
    const [error] = errorsOf(formIn('BR', {}, { registrationNumber: '' }));
    expect(error?.message).toBe(
      "Enter the customer's organisation registration number (CNPJ); it is required for customers in Brazil. Use the business tax ID, for example 12.345.678/0001-95.",
    );
  });

  it.each([
    ['IN', 'aaacc1234f', 'AAACC1234F'],
    ['IN', '27AAPFU0939F1ZV', '27AAPFU0939F1ZV'],
    ['BR', '12345678000195', '12345678000195'],
    ['BR', '12.345.678/0001-95', '12.345.678/0001-95'],
    ['ZA', '2001/123456/07', '2001/123456/07'],
    ['ZA', '4123456789', '4123456789'],
    ['PL', '123 456 32 18', '1234563218'],
    ['PL', 'PL1234563218', 'PL1234563218'],
    ['TR', '1234567890', '1234567890'],
    ['AE', '100123456700003', '100123456700003'],
  ])('in %s accepts the registration number %j as %j', (code, typed, normalised) => {
    expect(valueOf(formIn(code, {}, { registrationNumber: typed })).registrationNumber).toBe(normalised);
  });

  it.each([
    ['IN', '12345'],
    ['BR', '1234567800019'],
    ['ZA', '2001-123456-07'],
    ['PL', '12345'],
    ['TR', '12345678901'],
    ['AE', '10012345670000'],
  ])('in %s refuses the registration number %j', (code, typed) => {
    expect(errorsOf(formIn(code, {}, { registrationNumber: typed }))).toEqual([
      expect.objectContaining({ field: 'registrationNumber', key: 'registrationNumber.invalid' }),
    ]);
  });

  it.each([
    ['US', 'en', 'en-US'],
    ['US', 'es', 'es-US'],
    ['CA', 'fr', 'fr-CA'],
    ['BE', 'fr', 'fr-BE'],
    ['CH', 'it', 'it-CH'],
  ])('in %s accepts the language %s with culture %s', (code, language, culture) => {
    expect(errorsOf(formIn(code, {}, { language, culture }))).toEqual([]);
  });

  it('lists the languages a country supports when another is chosen', () => {
    const [error] = errorsOf(formIn('DE', {}, { language: 'fr', culture: 'de-DE' }));
    expect(error?.message).toBe('"fr" is not a language for customers in Germany. Choose one of: de, en.');
  });

  it.each([
    'NL',
    'BE',
    'DE',
    'FR',
    'GB',
    'IE',
    'US',
    'CA',
    'AU',
    'IN',
    'BR',
    'PL',
    'ZA',
    'ES',
    'SE',
    'IT',
    'AT',
    'CH',
    'DK',
    'NO',
    'TR',
    'AE',
  ])('accepts a complete customer in %s built from its own examples', (code) => {
    expect(errorsOf(formIn(code))).toEqual([]);
  });
});
