import { z } from 'zod';
import type { Choice } from '../../cards/cardModels';
import type { FormValues } from '../../cards/formPaths';
import type { StepTurn } from '../cardStep';
import type { StepView } from '../stepView';

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'state', 'postalCode'] as const;

const companyAddressSchema = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
});

/**
 * The account info card's view after Partner Center could not verify the address: what the agent had
 * typed in the address fields (as typed, to tell whether they changed it since), the address as the
 * service read it, and Partner Center's suggestions.
 */
const addressCheckSchema = z.object({
  typedForm: z.record(z.string(), z.string()),
  typed: companyAddressSchema,
  suggestions: z.array(companyAddressSchema).max(5),
});
export type AddressCheck = z.infer<typeof addressCheckSchema>;
export type AddressCheckView = StepView & { addressCheck?: AddressCheck };

/** The address fields of a submit, by input id ("address.line1"). */
export function addressForm(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [`address.${field}`, values[`address.${field}`] ?? '']),
  );
}

/**
 * The values to check and whether the address was settled on the card: a suggestion chosen replaces
 * the address fields; "as I typed it" keeps them. Either counts only while the address fields are
 * still what was checked; an address changed since is checked again.
 */
export function addressChosen(
  values: FormValues,
  choice: string | undefined,
  shown: StepView,
): { values: FormValues; confirmed: boolean } {
  const check = addressCheckSchema.safeParse(shown.addressCheck);
  if (!check.success || !choice) return { values, confirmed: false };
  const { typedForm, suggestions } = check.data;
  const unchanged = Object.entries(addressForm(values)).every(
    ([id, value]) => (typedForm[id] ?? '') === value,
  );
  if (!unchanged) return { values, confirmed: false };
  if (choice === 'typed') return { values, confirmed: true };
  const suggestion = /^\d$/.test(choice) ? suggestions[Number(choice)] : undefined;
  if (!suggestion) return { values, confirmed: false };
  const replaced = { ...values };
  for (const field of ADDRESS_FIELDS) replaced[`address.${field}`] = suggestion[field] ?? '';
  return { values: replaced, confirmed: true };
}

/** The card's choice: each suggestion on one line, then the address as typed. */
export function addressCheckModel(turn: StepTurn, view: StepView): { choices: Choice[] } | undefined {
  const check = addressCheckSchema.safeParse(view.addressCheck);
  if (!check.success) return undefined;
  const country = turn.draft.values.accountInfo.country ?? '';
  const oneLine = (address: AddressCheck['typed']) =>
    turn.services.onboarding.addressLines({ ...address, country }).join(', ');
  return {
    choices: [
      ...check.data.suggestions.map((suggestion, index) => ({
        value: String(index),
        title: turn.say('card.accountInfo.addressChoice.suggested', { address: oneLine(suggestion) }),
      })),
      {
        value: 'typed',
        title: turn.say('card.accountInfo.addressChoice.typed', { address: oneLine(check.data.typed) }),
      },
    ],
  };
}
