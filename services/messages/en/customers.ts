/** Sentences about existing customers, submitting and relationship requests. */
export const customers = {
  'customer.exists.domain':
    'A customer with the domain {domain} already exists: {legalName} ({country}). Do not add it again: request a relationship with it instead.',
  'customer.exists.name':
    'A customer named {legalName} in {country} already exists (domain {domain}). Do not add it again: request a relationship with it instead.',
  'customer.inProgress.domain':
    'Another agent is adding a customer with the domain {domain} right now. Check with your team before you continue.',
  'customer.inProgress.name':
    'Another agent is adding a customer with this legal name in {country} right now. Check with your team before you continue.',
  'reseller.required':
    'Choose the indirect reseller for this customer, or "No reseller: direct customer" if the customer buys from you directly.',
  'reseller.notForDirectPartner':
    'Your partner account sells directly, so a customer cannot be linked to an indirect reseller. Leave the reseller empty.',
  'relationship.invitation':
    'Hello,\n\n{partnerName} would like to become your Cloud Solution Provider partner for Microsoft cloud services. A Global admin of {customerName} can accept this request by following the link below and signing in:\n\n{invitationUrl}\n\nYou can add your own words around this message, but keep the link as it is.\n\nKind regards,\n{partnerName}',
} as const;
