import type { Translation } from '../catalogue';
import type { common as english } from '../en/common';

/** Sentences shared by every part: generic field problems and faults. */
export const common: Translation<typeof english> = {
  // {label} is a field's label as the card shows it ("Postcode"), so the sentences name "het veld {label}".
  'field.required': 'Vul het veld {label} in.',
  'field.tooShort': 'Het veld {label} moet minstens {min} tekens bevatten.',
  'field.tooLong': 'Het veld {label} mag maximaal {max} tekens bevatten.',
  'field.invalid': 'Het veld {label} bevat geen geldige waarde.',
  'fault.draftKept':
    'Excuses, er is aan onze kant iets misgegaan. Uw concept blijft bewaard: probeer het zo meteen opnieuw. (Referentie: {correlationId})',
};
