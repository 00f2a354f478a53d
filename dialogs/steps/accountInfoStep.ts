import { ADDRESS_CHOICE_INPUT, accountInfoCard, accountInfoInputIds } from '../../cards/accountInfoCard';
import type { Choice } from '../../cards/cardModels';
import { flatForm, formValuesSchema, nestedForm, type FormValues } from '../../cards/formPaths';
import type { CountryRules } from '../../services/countries/countryRules';
import type { AccountInfoCheck } from '../../services/customers/customerService';
import type { CardStep, StepTurn, Verdict } from '../cardStep';
import { messagesByField, problemsOf, words } from '../stepView';
import { keepWhatStillHolds } from './keepWhatStillHolds';
import { nextLabel } from './nextLabel';
import { sendOwnCustomerCard } from './ownCustomerAnswer';
import { addressCheckModel, addressChosen, addressForm, type AddressCheck } from './addressCheck';
import { sendRelationshipRequestCard } from './relationshipRequestAnswer';

const inputs = new Set(accountInfoInputIds);

/**
 * What a good answer is: account info to keep, a customer that is already the partner's own, or one
 * that already has a Microsoft tenant.
 */
type Accepted = Exclude<AccountInfoCheck, { kind: 'invalid' } | { kind: 'addressUnverified' }>;

/** Account info and primary contact, checked by the service; the partner's own customer is shown with its record. */
export const accountInfoStep: CardStep<FormValues, Accepted> = {
  id: 'accountInfo',
  actions: ['next'],
  values: formValuesSchema((id) => inputs.has(id)),

  async render(turn, drawing) {
    const { onboarding } = turn.services;
    const rules = rulesShown(turn);
    const { view } = drawing;
    const { '': general, ...errors } = messagesByField(turn.say, view.problems);
    const notice = [view.notice ? words(turn.say, view.notice) : '', general ?? ''].filter(Boolean).join(' ');
    const addressCheck = addressCheckModel(turn, view);
    return accountInfoCard(turn.say, {
      promptId: drawing.promptId,
      ...(addressCheck ? { addressCheck } : {}),
      values: withCountryDefaults(turn.draft.values.accountInfo, rules),
      errors,
      ...(notice ? { notice } : {}),
      countries: onboarding.partner.markets
        .map((code): Choice => ({ value: code, title: turn.say.text({ country: code }) }))
        .sort((a, b) => a.title.localeCompare(b.title, turn.say.locale)),
      country: countryModel(rules, turn),
      nextLabel: nextLabel(turn.say, drawing, 'mca'),
    });
  },

  summary: (turn, { values }) => ({
    title: turn.say('summary.accountInfo'),
    facts: [
      { title: turn.say('fact.legalName'), value: values.legalName ?? '' },
      {
        title: turn.say('fact.domain'),
        value: turn.services.onboarding.tenantDomain(values.domainPrefix ?? ''),
      },
    ],
  }),

  async validate(turn, answer, shown): Promise<Verdict<Accepted>> {
    const { onboarding } = turn.services;
    const { [ADDRESS_CHOICE_INPUT]: choice, ...typed } = answer.values;
    // A suggestion Partner Center made, or the address kept as typed, is not checked there again.
    const chosen = addressChosen(typed, choice, shown);
    const values = chosen.values;
    const shownCountry = rulesShown(turn).code;
    const typedCountry = values.country ?? '';
    const country = onboarding.resolveCountry(typedCountry);
    // Another country reshapes the form (states, languages, what is required): the agent sees it
    // before moving on, without errors on fields they have not had the chance to fill.
    if (country && country.code !== shownCountry && onboarding.partner.markets.includes(country.code)) {
      turn.draft.values.accountInfo = withCountryDefaults(
        { ...values, country: country.code, language: '', culture: '' },
        country,
      );
      const named = typedCountry.trim().toUpperCase() !== country.code;
      return {
        ok: false,
        view: {
          notice: named
            ? {
                key: 'country.resolved',
                params: {
                  typed: typedCountry.trim(),
                  name: { country: country.code, inSentence: true },
                  code: country.code,
                },
              }
            : {
                key: 'accountInfo.countryChanged',
                params: { country: { country: country.code, inSentence: true } },
              },
        },
      };
    }
    turn.draft.values.accountInfo = values;
    const check = await onboarding.checkAccountInfo(nestedForm(values), turn.draft.idempotencyKey, {
      addressConfirmed: chosen.confirmed,
    });
    if (check.kind === 'invalid') {
      return {
        ok: false,
        view: { problems: problemsOf(check.errors), notice: { key: 'accountInfo.checkFields' } },
      };
    }
    if (check.kind === 'addressUnverified') {
      const addressCheck: AddressCheck = {
        typedForm: addressForm(values),
        typed: check.value.address,
        suggestions: check.suggestions,
      };
      return {
        ok: false,
        view: {
          notice: {
            key:
              check.suggestions.length > 0
                ? 'accountInfo.addressUnverified'
                : 'accountInfo.addressUnverifiedNoSuggestion',
          },
          addressCheck,
        },
      };
    }
    return { ok: true, value: check };
  },

  async onValid(turn, check) {
    if (check.kind === 'ownCustomer') {
      // Its record, and the card again with the draft kept: the agent may have typed another
      // company's name by mistake (or meant another legal form), and cancels otherwise.
      await sendOwnCustomerCard(turn.context, check.customer);
      return {
        kind: 'show',
        view: {
          problems: [
            {
              field: 'legalName',
              key: 'accountInfo.alreadyYours',
              params: { legalName: check.customer.legalName },
            },
          ],
        },
      };
    }
    if (check.kind === 'existingTenant') {
      // Like the partner's own customer: the draft kept, in case the email address was mistyped.
      await sendRelationshipRequestCard(turn.context, check);
      return {
        kind: 'show',
        view: {
          problems: [
            {
              field: 'primaryContact.email',
              key: 'accountInfo.existingTenant',
              params: { domain: check.domain },
            },
          ],
        },
      };
    }
    const { draft } = turn;
    draft.accountInfo = check.value;
    if (check.partnerCenterUnanswered) draft.partnerCenterUnchecked = true;
    else delete draft.partnerCenterUnchecked;
    draft.values.accountInfo = flatForm(check.value);
    await keepWhatStillHolds(turn);
    return { kind: 'next' };
  },
};

/** The rules of the country the card shows: the draft's, else the partner's first market. */
function rulesShown(turn: StepTurn): CountryRules {
  const { onboarding } = turn.services;
  const rules =
    onboarding.resolveCountry(turn.draft.values.accountInfo.country ?? '') ??
    onboarding.resolveCountry(onboarding.partner.markets[0] ?? '');
  if (!rules) throw new Error('No country rules for the partner markets');
  return rules;
}

function withCountryDefaults(values: FormValues, rules: CountryRules): FormValues {
  return {
    ...values,
    country: rules.code,
    language: values.language || rules.languages[0] || '',
    culture: values.culture || rules.defaultCulture,
  };
}

function countryModel(rules: CountryRules, turn: StepTurn) {
  return {
    code: rules.code,
    name: turn.say.text({ country: rules.code, inSentence: true }),
    ...(rules.states.length > 0
      ? { states: rules.states.map((state) => ({ value: state.code, title: state.name })) }
      : {}),
    stateRequired: rules.stateRequired,
    cityRequired: rules.cityRequired,
    postalCodeRequired: rules.postalCodeRequired,
    ...(rules.postalCodeExample ? { postalCodeExample: rules.postalCodeExample } : {}),
    phoneRequired: rules.phoneRequired,
    ...(rules.phoneExample ? { phoneExample: rules.phoneExample } : {}),
    registrationNumberRequired: rules.registrationNumberRequired,
    ...(rules.registrationNumberName ? { registrationNumberName: rules.registrationNumberName } : {}),
    ...(rules.registrationNumberExample
      ? { registrationNumberExample: rules.registrationNumberExample }
      : {}),
    languages: rules.languages.map((code) => ({ value: code, title: turn.say.text({ language: code }) })),
    cultures: rules.cultures.map((code) => ({ value: code, title: turn.say.text({ language: code }) })),
  };
}
