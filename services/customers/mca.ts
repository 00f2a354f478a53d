import { z } from 'zod';
import { canAddCustomer, canAttestMca, type Role } from '../roles/permissions';
import { addFieldIssue, validateWith, type Validated } from '../validation/fieldError';
import { agentDay, checkAcceptanceDate } from './acceptanceDate';
import { checkEmail, checkPersonName, checkPhone } from './person';
import { IssueList } from './ruleIssue';
import { formGroup, formText, hiddenCharacterIssues, type FieldLabelKeys } from './text';

/** A valid MCA confirmation, as stored. */
export const mcaConfirmationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('attested'),
    acceptedBy: z.object({
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      phone: z.string().optional(),
    }),
    acceptedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  // The customer accepts later in the Microsoft 365 admin center; until then nothing can be ordered.
  z.object({ kind: z.literal('customerWillAccept') }),
]);

export type McaConfirmation = z.infer<typeof mcaConfirmationSchema>;

export interface McaContext {
  now: Date;
  /** The agent's offset from UTC in minutes (UTC+2 is 120), when the channel tells us. */
  agentUtcOffsetMinutes?: number;
  roles: readonly Role[];
  /** The partner's own email domains; the person who accepted is the customer's, not the partner's. */
  partnerEmailDomains?: readonly string[];
}

export const mcaFormSchema = formGroup({
  kind: formText,
  acceptedBy: formGroup({ firstName: formText, lastName: formText, email: formText, phone: formText }),
  acceptedOn: formText,
});

export type McaForm = z.output<typeof mcaFormSchema>;

/** Each field's label as the MCA card shows it, for messages that name the field. */
export const MCA_FIELD_LABELS: FieldLabelKeys = {
  kind: 'card.mca.choice',
  'acceptedBy.firstName': 'card.person.firstName',
  'acceptedBy.lastName': 'card.person.lastName',
  'acceptedBy.email': 'card.person.email',
  'acceptedBy.phone': 'card.person.phone',
  acceptedOn: 'card.mca.acceptedOn',
};

function checkAttestation(
  form: McaForm,
  context: McaContext,
  issues: IssueList,
): McaConfirmation | undefined {
  const person = form.acceptedBy;
  const firstName = issues.take(['acceptedBy', 'firstName'], checkPersonName(person.firstName, 'firstName'));
  const lastName = issues.take(['acceptedBy', 'lastName'], checkPersonName(person.lastName, 'lastName'));
  const email = issues.take(['acceptedBy', 'email'], checkEmail(person.email, context.partnerEmailDomains));
  const phone = issues.take(['acceptedBy', 'phone'], checkPhone(person.phone, undefined));
  const day = agentDay(context.now, context.agentUtcOffsetMinutes);
  const acceptedOn = issues.take(['acceptedOn'], checkAcceptanceDate(form.acceptedOn, day));
  if (!firstName || !lastName || !email || !acceptedOn) return undefined;
  return {
    kind: 'attested',
    acceptedBy: { firstName, lastName, email, ...(phone && { phone }) },
    acceptedOn,
  };
}

/** Applies the MCA rules: who may choose which option, the person who accepted and the date. */
export function checkMcaConfirmation(
  form: McaForm,
  context: McaContext,
): { value: McaConfirmation | undefined; issues: IssueList } {
  // A field holding a control, bidi or invisible character is refused as such; the person's fields
  // only count (and so are only checked) when the agent attests.
  const issues = new IssueList(hiddenCharacterIssues(form, MCA_FIELD_LABELS));
  if (!canAddCustomer(context.roles)) issues.add(['kind'], 'roles.addCustomer.notAllowed');
  if (form.kind === 'customerWillAccept')
    return { value: issues.empty ? { kind: form.kind } : undefined, issues };
  if (form.kind !== 'attested') {
    issues.add(['kind'], 'mca.kind.required');
    return { value: undefined, issues };
  }
  if (canAddCustomer(context.roles) && !canAttestMca(context.roles))
    issues.add(['kind'], 'mca.attest.notAllowed');
  const value = checkAttestation(form, context, issues);
  return { value: issues.empty ? value : undefined, issues };
}

export function mcaConfirmationSchemaFor(context: McaContext) {
  return mcaFormSchema.transform((form, ctx): McaConfirmation => {
    const { value, issues } = checkMcaConfirmation(form, context);
    for (const issue of issues.issues) addFieldIssue(ctx, issue.path, issue.key, issue.params);
    return value ?? z.NEVER;
  });
}

/**
 * Validates the MCA step: either the agent attests that the customer accepted (only an Admin agent
 * or Sales agent may) with who accepted and when, or the customer will accept it later.
 */
export function validateMcaConfirmation(input: unknown, context: McaContext): Validated<McaConfirmation> {
  return validateWith(mcaConfirmationSchemaFor(context), input);
}
