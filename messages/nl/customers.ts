import type { Translation } from '../catalogue';
import type { customers as english } from '../en/customers';

/** Sentences about duplicates under way and the reseller choice. */
export const customers: Translation<typeof english> = {
  'customer.inProgress.domain':
    'Een collega voegt op dit moment een klant toe met het domein {domain}. Overleg met uw team voordat u verdergaat.',
  'customer.inProgress.name':
    'Een collega voegt op dit moment een klant met deze wettelijke naam in {country} toe. Overleg met uw team voordat u verdergaat.',
  'reseller.required':
    'Kies de indirecte reseller voor deze klant, of "Geen reseller: directe klant" als de klant rechtstreeks bij u koopt.',
  'reseller.notForDirectPartner':
    'Uw partneraccount verkoopt rechtstreeks, dus een klant kan niet aan een indirecte reseller worden gekoppeld. Laat het veld Reseller leeg.',
};
