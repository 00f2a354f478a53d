import { z } from 'zod';
import {
  addFieldIssue,
  fieldError,
  validateWith,
  type FieldError,
  type Validated,
} from '../validation/fieldError';
import { checkAddress } from './address';
import { checkCountry, checkCulture, checkLanguage, checkRegistrationNumber } from './countryFields';
import { checkDomainPrefix } from './domainPrefix';
import { checkLegalName } from './legalName';
import { checkEmail, checkPersonName, checkPhone } from './person';
import { IssueList, type FieldIssue } from './ruleIssue';
import { formGroup, formText, hiddenCharacterIssues, type FieldLabelKeys } from './text';

/** Valid, normalised account info: the shape that is stored and shown on Review. */
export const accountInfoSchema = z.object({
  legalName: z.string(),
  domainPrefix: z.string(),
  country: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string().optional(),
    state: z.string().optional(),
    postalCode: z.string().optional(),
  }),
  registrationNumber: z.string().optional(),
  language: z.string(),
  culture: z.string(),
  primaryContact: z.object({
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
  }),
});

export type AccountInfo = z.infer<typeof accountInfoSchema>;

export interface AccountInfoContext {
  /** ISO codes of the countries the partner is authorised to sell in. */
  markets: readonly string[];
  /** The partner's own email domains; the customer's contact must not use them. */
  partnerEmailDomains: readonly string[];
}

/** What the account info card submits: every field text, any of them missing or empty. */
export const accountInfoFormSchema = formGroup({
  legalName: formText,
  domainPrefix: formText,
  country: formText,
  address: formGroup({
    line1: formText,
    line2: formText,
    city: formText,
    state: formText,
    postalCode: formText,
  }),
  registrationNumber: formText,
  language: formText,
  culture: formText,
  primaryContact: formGroup({ firstName: formText, lastName: formText, email: formText, phone: formText }),
});

export type AccountInfoForm = z.output<typeof accountInfoFormSchema>;

/** Each field's label as the account info card shows it, for messages that name the field. */
export const ACCOUNT_INFO_FIELD_LABELS: FieldLabelKeys = {
  legalName: 'card.accountInfo.legalName',
  domainPrefix: 'card.accountInfo.domainPrefix',
  country: 'card.accountInfo.country',
  'address.line1': 'card.accountInfo.addressLine1',
  'address.line2': 'card.accountInfo.addressLine2',
  'address.city': 'card.accountInfo.city',
  'address.state': 'card.accountInfo.state',
  'address.postalCode': 'card.accountInfo.postalCode',
  registrationNumber: 'card.accountInfo.registrationNumber',
  language: 'card.accountInfo.language',
  culture: 'card.accountInfo.culture',
  'primaryContact.firstName': 'card.person.firstName',
  'primaryContact.lastName': 'card.person.lastName',
  'primaryContact.email': 'card.person.email',
  'primaryContact.phone': 'card.person.phone',
};

/**
 * Something the form should tell the agent that is not a problem to fix: e.g. at "country",
 * 'country.resolved' ("UK" is the United Kingdom (GB) in Partner Center: the form now uses its rules).
 */
export type FieldNotice = FieldError;

/** Applies every account-info rule, in form order, and builds the normalised value when all pass. */
export function checkAccountInfo(
  form: AccountInfoForm,
  context: AccountInfoContext,
): { value: AccountInfo | undefined; issues: IssueList; notices: FieldIssue[] } {
  // A field holding a control, bidi or invisible character is refused as such, whatever else it holds.
  const refusedText = hiddenCharacterIssues(form, ACCOUNT_INFO_FIELD_LABELS);
  const issues = new IssueList(refusedText);
  const notices: FieldIssue[] = [];
  const legalName = issues.take(['legalName'], checkLegalName(form.legalName));
  const domainPrefix = issues.take(['domainPrefix'], checkDomainPrefix(form.domainPrefix));
  const {
    rules,
    checked: countryChecked,
    notice: countryNotice,
  } = checkCountry(form.country, context.markets);
  const country = issues.take(['country'], countryChecked);
  // A refused country says nothing else (its notice would quote the text as typed).
  if (countryNotice && !refusedText.has('country')) notices.push({ path: ['country'], ...countryNotice });
  const address = checkAddress(form.address, rules, issues);
  const registrationNumber = issues.take(
    ['registrationNumber'],
    checkRegistrationNumber(form.registrationNumber, rules),
  );
  const language = issues.take(['language'], checkLanguage(form.language, rules));
  const culture = issues.take(['culture'], checkCulture(form.culture, rules));
  const contact = form.primaryContact;
  const firstName = issues.take(
    ['primaryContact', 'firstName'],
    checkPersonName(contact.firstName, 'firstName'),
  );
  const lastName = issues.take(['primaryContact', 'lastName'], checkPersonName(contact.lastName, 'lastName'));
  const email = issues.take(
    ['primaryContact', 'email'],
    checkEmail(contact.email, context.partnerEmailDomains),
  );
  const phone = issues.take(['primaryContact', 'phone'], checkPhone(contact.phone, rules));

  if (
    !issues.empty ||
    !legalName ||
    !domainPrefix ||
    !country ||
    !address ||
    !language ||
    !culture ||
    !firstName ||
    !lastName ||
    !email
  )
    return { value: undefined, issues, notices };
  return {
    value: {
      legalName,
      domainPrefix,
      country,
      address,
      ...(registrationNumber && { registrationNumber }),
      language,
      culture,
      primaryContact: { firstName, lastName, email, ...(phone && { phone }) },
    },
    issues,
    notices,
  };
}

/**
 * The account info form as a zod schema bound to the partner's context; issues carry catalogue keys.
 * Notices (not errors) are added to `notices` when it is given.
 */
export function accountInfoSchemaFor(context: AccountInfoContext, notices?: FieldIssue[]) {
  return accountInfoFormSchema.transform((form, ctx): AccountInfo => {
    const { value, issues, notices: found } = checkAccountInfo(form, context);
    notices?.push(...found);
    for (const issue of issues.issues) addFieldIssue(ctx, issue.path, issue.key, issue.params);
    return value ?? z.NEVER;
  });
}

/**
 * Validates what the agent entered as account info and primary contact. Every broken rule is
 * reported at once, each at its field ("address.postalCode", "primaryContact.email"); text holding a
 * control, bidi or invisible character is refused at its field. The value is normalised (NFC, trimmed,
 * country and state as codes, postal code formatted, domain prefix lower case).
 * `notices`, present only when there are any, are things the form should show that are not errors
 * (a country typed as a name or alias, read as its code), whether or not the rest is valid.
 */
export function validateAccountInfo(
  input: unknown,
  context: AccountInfoContext,
): Validated<AccountInfo> & { notices?: FieldNotice[] } {
  const notices: FieldIssue[] = [];
  const result = validateWith(accountInfoSchemaFor(context, notices), input);
  if (notices.length === 0) return result;
  return {
    ...result,
    notices: notices.map((notice) => fieldError(notice.path.join('.'), notice.key, notice.params)),
  };
}
