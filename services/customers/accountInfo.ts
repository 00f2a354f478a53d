import { z } from 'zod';
import { addFieldIssue, validateWith, type Validated } from '../validation/fieldError';
import { checkAddress } from './address';
import { checkCountry, checkCulture, checkLanguage, checkRegistrationNumber } from './countryFields';
import { checkDomainPrefix } from './domainPrefix';
import { checkLegalName } from './legalName';
import { checkEmail, checkPersonName, checkPhone } from './person';
import { IssueList } from './ruleIssue';
import { formGroup, formText } from './text';

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

/** Applies every account-info rule, in form order, and builds the normalised value when all pass. */
export function checkAccountInfo(
  form: AccountInfoForm,
  context: AccountInfoContext,
): { value: AccountInfo | undefined; issues: IssueList } {
  const issues = new IssueList();
  const legalName = issues.take(['legalName'], checkLegalName(form.legalName));
  const domainPrefix = issues.take(['domainPrefix'], checkDomainPrefix(form.domainPrefix));
  const { rules, checked: countryChecked } = checkCountry(form.country, context.markets);
  const country = issues.take(['country'], countryChecked);
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
    return { value: undefined, issues };
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
  };
}

/** The account info form as a zod schema bound to the partner's context; issues carry catalogue keys. */
export function accountInfoSchemaFor(context: AccountInfoContext) {
  return accountInfoFormSchema.transform((form, ctx): AccountInfo => {
    const { value, issues } = checkAccountInfo(form, context);
    for (const issue of issues.issues) addFieldIssue(ctx, issue.path, issue.key, issue.params);
    return value ?? z.NEVER;
  });
}

/**
 * Validates what the agent entered as account info and primary contact. Every broken rule is
 * reported at once, each at its field ("address.postalCode", "primaryContact.email"); the value is
 * normalised (trimmed, country and state as codes, postal code formatted, domain prefix lower case).
 */
export function validateAccountInfo(input: unknown, context: AccountInfoContext): Validated<AccountInfo> {
  return validateWith(accountInfoSchemaFor(context), input);
}
