/** Partner Center's checks of account info: an existing tenant, the address it could not verify. */
export const partnerCenter = {
  'accountInfo.existingTenant':
    '{domain} is already in Microsoft\'s directory: this customer has a Microsoft tenant, so request a relationship instead (see the card above). If {domain} is not the customer\'s own domain, correct the email address; otherwise type "cancel".',
  'existingTenant.found': 'This customer already has a Microsoft tenant: request a relationship instead.',
  'accountInfo.addressUnverified':
    'Partner Center could not verify this address. Choose one of its suggestions, keep the address as you typed it, or correct it and choose Next again.',
  'accountInfo.addressUnverifiedNoSuggestion':
    'Partner Center could not verify this address and has no suggestion. Check it; if it is right, keep it as you typed it and choose Next again.',
  'card.accountInfo.addressChoice': 'Address to use',
  'card.accountInfo.addressChoice.required': 'Choose the address to use.',
  'card.accountInfo.addressChoice.suggested': 'Suggested: {address}',
  'card.accountInfo.addressChoice.typed': 'Keep my address: {address}',
  'done.next.partnerCenter':
    'Partner Center is creating the customer now. I will tell you in our personal chat when it exists, with the temporary password of {adminSignInName}.',
  'value.notAmongYourCustomersNorTenant':
    "Not among your customers, and Partner Center found no Microsoft tenant with the customer's domains.",
  'value.notAmongYourCustomersTenantUnchecked':
    'Not among your customers. Partner Center did not answer when account info was checked, so whether the customer already has a Microsoft tenant, and whether the address is valid, is told only when Partner Center creates the customer.',
  'domainPrefix.takenInDirectory':
    '"{domain}" already exists in Microsoft\'s directory. If it is this customer\'s own tenant, do not add the customer again: request a relationship with it in Partner Center (Customers, Request a reseller relationship). Otherwise choose another prefix; these are free: {suggestions}.',
  'card.done.summaryPartnerCenter':
    '{legalName} is saved as your customer, and Partner Center is creating it now.',
  'done.createdPartnerCenter': '{legalName} is saved as your customer; Partner Center is creating it now.',
  'card.relationship.title': 'Already has a Microsoft tenant',
  'card.relationship.found':
    "{legalName} uses {domain}, which is already in Microsoft's directory: the customer has a Microsoft tenant, perhaps through another partner.",
  'card.relationship.instead':
    'Do not add the customer again. Request a relationship instead: a Global admin of the customer accepts it, and the customer then appears under Customers in Partner Center.',
  'card.relationship.steps':
    'Send this link to a Global admin of the customer in an email of your own. Write around it as you like, but keep the link exactly as it is:',
  'card.relationship.noLink':
    'Partner Center did not give the link just now. In Partner Center, open Customers and choose Request a reseller relationship.',
  'card.relationship.nothingAdded': 'Nothing was added.',
} as const;
