import { english, readable } from '../harness/englishText';
import { countryRules } from '../../services/countries/countryRules';
import { checkAccountInfo, validateAccountInfo } from '../../services/customers/accountInfo';
import { checkCountry, checkCulture, checkLanguage } from '../../services/customers/countryFields';
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
    expect(error && english(error)).toBe(
      '"XX" is not a state or province of the United States. Choose one from the list, for example AL, AK, AZ.',
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
    expect(error && english(error)).toBe(
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
    expect(error && english(error)).toBe(
      '"fr" is not a language for customers in Germany. Choose German or English.',
    );
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

describe('a country typed as a name or alias', () => {
  const markets = ['NL', 'GB', 'DE', 'US'];
  const validate = (form: unknown) => validateAccountInfo(form, { ...context, markets });

  it.each([
    ['UK', 'GB', '"UK" is the United Kingdom (GB) in Partner Center: the form now uses its rules.'],
    [
      'United Kingdom',
      'GB',
      '"United Kingdom" is the United Kingdom (GB) in Partner Center: the form now uses its rules.',
    ],
    [
      'the netherlands',
      'NL',
      '"the netherlands" is the Netherlands (NL) in Partner Center: the form now uses its rules.',
    ],
    ['Holland', 'NL', '"Holland" is the Netherlands (NL) in Partner Center: the form now uses its rules.'],
    ['Deutschland', 'DE', '"Deutschland" is Germany (DE) in Partner Center: the form now uses its rules.'],
    ['USA', 'US', '"USA" is the United States (US) in Partner Center: the form now uses its rules.'],
  ])('reads %j as %s and says so in a notice', (typed, code, message) => {
    const result = validate(formIn(code, {}, { country: typed }));
    expect(readable(result)).toEqual({
      ok: true,
      value: expect.objectContaining({ country: code }),
      notices: [
        { field: 'country', key: 'country.resolved', params: expect.objectContaining({ typed }), message },
      ],
    });
  });

  it.each(['GB', 'gb', ' GB '])('gives no notice for the code %j itself', (typed) => {
    const result = validate(formIn('GB', {}, { country: typed }));
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ country: 'GB' }) });
    expect(result).not.toHaveProperty('notices');
  });

  it('checks the address against the rules of the country it read, keeping the notice beside the errors', () => {
    const result = validate(formIn('GB', { postalCode: '1015 CJ' }, { country: 'UK' }));
    expect(readable(result)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'address.postalCode',
          message: '"1015 CJ" is not a valid postal code in the United Kingdom. Enter it like SW1A 1AA.',
        }),
      ],
      notices: [expect.objectContaining({ field: 'country', key: 'country.resolved' })],
    });
  });

  it('gives no notice when the country it read is refused, as the refusal names it', () => {
    const result = validateAccountInfo(formIn('GB', {}, { country: 'UK' }), { ...context, markets: ['NL'] });
    expect(readable(result)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'country',
          key: 'country.notInMarkets',
          message:
            'Your partner account is not authorised to sell in the United Kingdom (GB). Choose one of your markets: Netherlands (NL).',
        }),
      ],
    });
  });

  it.each(['Narnia', 'Netherland', 'UKK'])('still refuses %j, which is no country it knows', (typed) => {
    expect(validate(formIn('NL', {}, { country: typed }))).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ field: 'country', key: 'country.unknown', params: { value: typed } }),
      ],
    });
  });

  it('answers the notice from checkCountry and checkAccountInfo as a catalogue key at the country field', () => {
    expect(checkCountry('UK', markets)).toMatchObject({
      checked: { ok: true, value: 'GB' },
      notice: {
        key: 'country.resolved',
        params: { typed: 'UK', name: { country: 'GB', inSentence: true }, code: 'GB' },
      },
    });
    expect(checkCountry('GB', markets).notice).toBeUndefined();
    const { notices, issues } = checkAccountInfo(formIn('GB', {}, { country: 'U.K.' }), {
      ...context,
      markets,
    });
    expect(issues.empty).toBe(true);
    expect(notices).toEqual([
      {
        path: ['country'],
        key: 'country.resolved',
        params: { typed: 'U.K.', name: { country: 'GB', inSentence: true }, code: 'GB' },
      },
    ]);
  });
});

describe('languages and cultures by name', () => {
  const netherlands = countryRules('NL');

  it.each([
    ['nl', 'nl'],
    ['NL', 'nl'],
    ['Dutch', 'nl'],
    ['english', 'en'],
    ['Nederlands', 'nl'],
    ['engels', 'en'],
    ['  Nederlands ', 'nl'],
  ])('reads the language %j as %s', (typed, code) => {
    expect(checkLanguage(typed, netherlands)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['BE', 'Frans', 'fr'],
    ['BE', 'French', 'fr'],
    ['CH', 'Italiaans', 'it'],
    ['DE', 'Duits', 'de'],
  ])('in %s reads the language %j as %s', (country, typed, code) => {
    expect(checkLanguage(typed, countryRules(country))).toEqual({ ok: true, value: code });
  });

  it.each(['Duits', 'German', 'Frans', 'Nederlands (Nederland)'])(
    'refuses the language %j, which the Netherlands does not have',
    (typed) => {
      expect(checkLanguage(typed, netherlands)).toMatchObject({ ok: false, key: 'language.notSupported' });
    },
  );

  it.each([
    ['nl-NL', 'nl-NL'],
    ['nl_nl', 'nl-NL'],
    ['Dutch (Netherlands)', 'nl-NL'],
    ['english (united states)', 'en-US'],
    ['Nederlands (Nederland)', 'nl-NL'],
    ['Engels (Verenigde Staten)', 'en-US'],
    ['engels (verenigde staten)', 'en-US'],
  ])('reads the culture %j as %s', (typed, code) => {
    expect(checkCulture(typed, netherlands)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['BE', 'Nederlands (België)', 'nl-BE'],
    ['BE', 'Frans (Belgie)', 'fr-BE'],
    ['CA', 'Frans (Canada)', 'fr-CA'],
  ])('in %s reads the culture %j as %s', (country, typed, code) => {
    expect(checkCulture(typed, countryRules(country))).toEqual({ ok: true, value: code });
  });

  it.each(['Nederlands (België)', 'Duits (Duitsland)', 'Nederlands', 'de-DE'])(
    'refuses the culture %j, which the Netherlands does not have',
    (typed) => {
      expect(checkCulture(typed, netherlands)).toMatchObject({ ok: false, key: 'culture.notSupported' });
    },
  );

  it('reads a Dutch name in a whole form too', () => {
    const result = validateAccountInfo(
      formIn('NL', {}, { language: 'Nederlands', culture: 'Engels (Verenigde Staten)' }),
      {
        ...context,
        markets: ['NL'],
      },
    );
    expect(result).toMatchObject({ ok: true, value: { language: 'nl', culture: 'en-US' } });
  });

  it('names the cultures a country supports when another is chosen', () => {
    const [error] = errorsOf(formIn('NL', {}, { culture: 'de-DE' }));
    expect(error && english(error)).toBe(
      '"de-DE" is not a culture for customers in the Netherlands. Choose Dutch (Netherlands) or English (United States).',
    );
  });

  it('names the country in a sentence in the messages of its own rules', () => {
    expect(readable(errorsOf(formIn('NL', { city: '', postalCode: '' })))).toEqual([
      expect.objectContaining({
        message: 'Enter the city; it is required for addresses in the Netherlands.',
      }),
      expect.objectContaining({
        message: 'Enter the postal code; it is required for addresses in the Netherlands.',
      }),
    ]);
  });
});
