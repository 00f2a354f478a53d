import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { accountInfoCard } from '../../cards/accountInfoCard';
import { accountInfoInputIds, type AccountInfoValues, type FieldMessages } from '../../cards/cardModels';
import { countryRules, type CountryRules } from '../../services/countries/countryRules';
import type { ExistingCustomerMatch } from '../../services/customers/customerService';
import { say } from '../../services/messages/catalogue';
import { CardPrompt, newPromptId, type CardAnswer } from '../cardPrompt';
import { cardValuesSchema } from '../cardSubmit';
import type { FlowServices } from '../flowServices';
import { accountInfoForm, accountInfoInputOf, accountInfoValues, messagesByInput } from '../forms';

export const accountInfoDialogId = 'accountInfoStep';
const cardPromptId = 'accountInfoCard';
const waterfallId = 'accountInfoWaterfall';

type AccountInfoOptions = {
  errors?: FieldMessages;
  notice?: string;
};

/** Kept between showing the card and checking it: the country whose rules shaped the form. */
interface StepValues {
  renderedCountry?: string;
}

export type AccountInfoResult = { outcome: 'done' } | { outcome: 'existing'; match: ExistingCustomerMatch };

/** Step 1: the customer's account info and primary contact, checked by the service. */
export class AccountInfoDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(accountInfoDialogId);
    this.addDialog(
      new CardPrompt(
        cardPromptId,
        cardValuesSchema(accountInfoInputIds),
        ({ values }) => ({
          title: say('summary.accountInfo'),
          facts: [
            { title: say('fact.legalName'), value: values.legalName ?? '' },
            { title: say('fact.domain'), value: `${values.domainPrefix ?? ''}.onmicrosoft.com` },
          ],
        }),
        this.render.bind(this),
        ['next'],
      ),
    );
    this.addDialog(new WaterfallDialog(waterfallId, [this.show.bind(this), this.check.bind(this)]));
    this.initialDialogId = waterfallId;
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { errors = {}, notice } = (step.options ?? {}) as AccountInfoOptions;
    const draft = await this.services.drafts.get(step.context);
    (step.values as StepValues).renderedCountry = this.rulesFor(draft.accountInfoValues).code;
    const view: AccountInfoOptions = { errors, ...(notice ? { notice } : {}) };
    return step.beginDialog(cardPromptId, { promptId: newPromptId('accountInfo'), view });
  }

  private async render(context: TurnContext, promptId: string, { errors = {}, notice }: AccountInfoOptions) {
    const draft = await this.services.drafts.get(context);
    const rules = this.rulesFor(draft.accountInfoValues);
    const { general, ...fieldErrors } = errors;
    return accountInfoCard({
      promptId,
      values: withCountryDefaults(draft.accountInfoValues, rules),
      errors: fieldErrors,
      ...(notice || general ? { notice: [notice, general].filter(Boolean).join(' ') } : {}),
      countries: this.services.customers.partner.markets
        .map((code) => ({ value: code, title: countryRules(code)?.name ?? code }))
        .sort((a, b) => a.title.localeCompare(b.title, 'en')),
      country: countryModel(rules),
    });
  }

  /** The rules of the country the draft names, else of the partner's first market. */
  private rulesFor(values: AccountInfoValues): CountryRules {
    const markets = this.services.customers.partner.markets;
    const rules = countryRules(values.country ?? '') ?? countryRules(markets[0] ?? '');
    if (!rules) throw new Error('No country rules for the partner markets');
    return rules;
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as CardAnswer<AccountInfoValues>).values;
    const { customers, drafts } = this.services;
    const renderedCountry = (step.values as StepValues).renderedCountry;
    const newRules = answer.country !== renderedCountry ? countryRules(answer.country ?? '') : undefined;
    // The language and culture lists belonged to the previous country: start from the new one's.
    const values = newRules
      ? withCountryDefaults({ ...answer, language: '', culture: '' }, newRules)
      : answer;
    await drafts.update(step.context, (draft) => (draft.accountInfoValues = values));

    const validated = customers.validateAccountInfo(accountInfoForm(values));
    // Another country reshapes the form (states, languages, what is required): the agent sees it
    // before moving on, even when it happens to be complete.
    if (!validated.ok || newRules) {
      return step.replaceDialog(waterfallId, {
        errors: validated.ok ? {} : messagesByInput(validated.errors, accountInfoInputOf),
        notice: newRules
          ? say('accountInfo.countryChanged', { country: newRules.name })
          : say('accountInfo.checkFields'),
      } satisfies AccountInfoOptions);
    }
    const info = validated.value;
    const match = await customers.findExistingCustomer(info);
    if (match && !match.inProgress)
      return step.endDialog({ outcome: 'existing', match } satisfies AccountInfoResult);
    if (match) {
      const field = match.by === 'domain' ? 'domainPrefix' : 'legalName';
      const check = match.by === 'domain' ? await customers.checkDomainPrefix(info.domainPrefix) : undefined;
      const suggestion = check?.status === 'taken' ? ` ${check.error.message}` : '';
      return step.replaceDialog(waterfallId, {
        errors: { [field]: `${match.error.message}${suggestion}` },
      } satisfies AccountInfoOptions);
    }
    await drafts.update(step.context, (draft) => {
      if (draft.accountInfo && draft.accountInfo.country !== info.country) delete draft.order;
      draft.accountInfo = info;
      draft.accountInfoValues = accountInfoValues(info);
    });
    return step.endDialog({ outcome: 'done' } satisfies AccountInfoResult);
  }
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function withCountryDefaults(values: AccountInfoValues, rules: CountryRules): AccountInfoValues {
  return {
    ...values,
    country: rules.code,
    language: values.language || rules.languages[0] || '',
    culture: values.culture || rules.defaultCulture,
  };
}

function countryModel(rules: CountryRules) {
  return {
    code: rules.code,
    name: rules.name,
    ...(rules.states.length > 0
      ? { states: rules.states.map((s) => ({ value: s.code, title: s.name })) }
      : {}),
    stateRequired: rules.stateRequired,
    cityRequired: rules.cityRequired,
    postalCodeRequired: rules.postalCodeRequired,
    ...(rules.postalCodeExample ? { postalCodeExample: rules.postalCodeExample } : {}),
    phoneRequired: rules.phoneRequired,
    ...(rules.phoneExample ? { phoneExample: rules.phoneExample } : {}),
    registrationNumberRequired: rules.registrationNumberRequired,
    languages: rules.languages.map((code) => ({
      value: code,
      title: `${languageNames.of(code) ?? code} (${code})`,
    })),
    cultures: rules.cultures.map((code) => ({
      value: code,
      title: `${languageNames.of(code) ?? code} (${code})`,
    })),
  };
}
