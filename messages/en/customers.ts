/** Sentences about duplicates under way and the reseller choice. */
export const customers = {
  'customer.inProgress.domain':
    'Another agent is adding a customer with the domain {domain} right now. Check with your team before you continue.',
  'customer.inProgress.name':
    'Another agent is adding a customer with this legal name in {country} right now. Check with your team before you continue.',
  'reseller.required':
    'Choose the indirect reseller for this customer, or "No reseller: direct customer" if the customer buys from you directly.',
  'reseller.notForDirectPartner':
    'Your partner account sells directly, so a customer cannot be linked to an indirect reseller. Leave the reseller empty.',
} as const;
