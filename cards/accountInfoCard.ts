import type { Say } from '../messages/catalogue';
import type { AccountInfoCardModel, AdaptiveCardJson } from './cardModels';
import { cardTemplate, splitFieldMessages } from './fillTemplate';
import { templateInputIds, templateValues } from './formPaths';
import template from './templates/accountInfo.json';

const fill = cardTemplate(template);

/** The card's input ids: the account info's field paths ("address.postalCode"), and `addressChoice`. */
export const accountInfoInputIds = templateInputIds(template);

/** The input that answers Partner Center's address check: not a field of the account info. */
export const ADDRESS_CHOICE_INPUT = 'addressChoice';

/**
 * Account info: the customer's details in three groups (Company, Address, Primary contact), shaped by
 * the selected country's rules. Actions: `{ promptId, action: 'next' }` with every input,
 * `{ promptId, action: 'cancel' }` without inputs.
 */
export function accountInfoCard(say: Say, model: AccountInfoCardModel): AdaptiveCardJson {
  const { country } = model;
  const countryName = country.name;
  const { byInput, other } = splitFieldMessages(accountInfoInputIds, model.errors);
  const neededIn = (required: boolean, label: string) =>
    required ? say('card.accountInfo.neededIn', { label, country: countryName }) : label;
  const example = (value: string | undefined) =>
    value ? say('card.form.example', { example: value }) : null;

  return fill({
    promptId: model.promptId,
    notice: model.notice ?? '',
    otherErrors: other,
    errors: templateValues(accountInfoInputIds, byInput),
    values: templateValues(accountInfoInputIds, {
      ...model.values,
      country: model.values.country || country.code,
    }),
    countries: model.countries,
    addressCheck: model.addressCheck
      ? {
          shown: true,
          label: say('card.accountInfo.addressChoice'),
          required: say('card.accountInfo.addressChoice.required'),
          choices: model.addressCheck.choices,
          // Nothing chosen in advance: the agent reads the suggestion before it replaces what they typed.
          value: '',
        }
      : { shown: false, label: '', required: '', choices: [], value: '' },
    hasStates: (country.states?.length ?? 0) > 0,
    states: country.states ?? [],
    // Fields whose need depends on the country are not required in the client: the agent may switch
    // the country on this very card, and the client would still enforce the old country's rules.
    // Their labels say where they are needed; the service checks them for the chosen country.
    country: {
      cityRequired: false,
      stateRequired: false,
      postalCodeRequired: false,
      phoneRequired: false,
      registrationNumberRequired: false,
      languages: country.languages,
      cultures: country.cultures,
    },
    placeholders: {
      address: { postalCode: example(country.postalCodeExample) },
      primaryContact: { phone: example(country.phoneExample) },
      registrationNumber: example(country.registrationNumberExample),
    },
    required: {
      legalName: say('legalName.required'),
      domainPrefix: say('domainPrefix.required'),
      registrationNumber: say('card.accountInfo.registrationNumber.required', { country: countryName }),
      language: say('language.required'),
      culture: say('culture.required'),
      country: say('country.required'),
      address: {
        line1: say('address.line1.required'),
        city: say('address.city.required', { country: countryName }),
        state: say('address.state.required', { country: countryName }),
        postalCode: say('address.postalCode.required', { country: countryName }),
      },
      primaryContact: {
        firstName: say('person.firstName.required'),
        lastName: say('person.lastName.required'),
        email: say('person.email.required'),
        phone: say('person.phone.required', { country: countryName }),
      },
    },
    t: {
      title: say('card.accountInfo.title'),
      intro: say('card.accountInfo.intro'),
      company: say('card.accountInfo.company'),
      address: say('card.accountInfo.address'),
      primaryContact: say('card.accountInfo.primaryContact'),
      legalName: say('card.accountInfo.legalName'),
      legalNamePlaceholder: say('card.accountInfo.legalName.placeholder'),
      domainPrefix: say('card.accountInfo.domainPrefix'),
      domainPrefixPlaceholder: say('card.accountInfo.domainPrefix.placeholder'),
      registrationNumber: neededIn(
        country.registrationNumberRequired,
        country.registrationNumberName
          ? say('card.accountInfo.registrationNumberNamed', { name: country.registrationNumberName })
          : say('card.accountInfo.registrationNumber'),
      ),
      language: say('card.accountInfo.language'),
      languagePlaceholder: say('card.accountInfo.language.placeholder'),
      culture: say('card.accountInfo.culture'),
      culturePlaceholder: say('card.accountInfo.culture.placeholder'),
      country: say('card.accountInfo.country'),
      countryPlaceholder: say('card.accountInfo.country.placeholder'),
      addressLine1: say('card.accountInfo.addressLine1'),
      addressLine1Placeholder: say('card.accountInfo.addressLine1.placeholder'),
      addressLine2: say('card.accountInfo.addressLine2'),
      addressLine2Placeholder: say('card.accountInfo.addressLine2.placeholder'),
      city: neededIn(country.cityRequired, say('card.accountInfo.city')),
      state: neededIn(country.stateRequired, say('card.accountInfo.state')),
      statePlaceholder: say('card.accountInfo.state.placeholder'),
      postalCode: neededIn(country.postalCodeRequired, say('card.accountInfo.postalCode')),
      firstName: say('card.person.firstName'),
      lastName: say('card.person.lastName'),
      email: say('card.person.email'),
      emailPlaceholder: say('card.person.email.placeholder'),
      phone: neededIn(country.phoneRequired, say('card.person.phone')),
      next: model.nextLabel,
      cancel: say('card.action.cancel'),
    },
  });
}
