/** What the agent is told once Partner Center created (or refused) the customer they submitted. */
export const creation = {
  'card.creation.created.title': '{legalName} is now in Partner Center',
  'card.creation.created.summary':
    "{legalName} is now in Partner Center. Open this message for the first Global admin's sign-in details.",
  'card.creation.created.intro':
    'Partner Center created the customer and its Microsoft tenant. The first Global admin of the tenant signs in with the temporary password below.',
  'card.creation.fact.domain': 'Tenant domain',
  'card.creation.fact.customerId': 'Partner Center customer ID',
  'card.creation.fact.adminSignInName': 'Global admin sign-in name',
  'card.creation.password': 'Temporary password',
  'card.creation.created.passwordOnce':
    '**Copy the password now.** It is in this message only: the bot does not keep it. Hand it to the customer safely, not in the same message as the sign-in name.',
  'card.creation.created.passwordChange':
    'The admin must change it at first sign-in. If it is lost, reset it in the Microsoft 365 admin center.',
  'card.creation.created.agreementAttested':
    'The Microsoft Customer Agreement acceptance is being sent to Partner Center.',
  'card.creation.created.agreementByCustomer':
    "The customer's Global admin accepts the Microsoft Customer Agreement in the Microsoft 365 admin center; until then nothing can be ordered.",
  'card.creation.created.underReview':
    'Partner Center reviews new customer accounts: while the customer is under review there, purchases wait until the review clears.',
  'card.creation.reason': 'Partner Center\'s reason: "{description}" (code {code})',
  'card.creation.reasonWithoutCode': 'Partner Center\'s reason: "{description}"',
  'card.creation.rejected.title': 'Partner Center refused {legalName}',
  'card.creation.rejected.summary': 'Partner Center refused {legalName}: nothing was created.',
  'card.creation.rejected.nothingCreated':
    'Nothing was created in Partner Center, and the bot no longer holds this legal name and domain prefix for it. Press Add it again to start a new draft with everything you entered, correct what Partner Center names (another domain prefix, if it says the domain is taken) and submit again.',
  'card.creation.rejected.addAgain': 'Add it again',
  'card.creation.agreementRefused.title': 'Partner Center refused the agreement acceptance of {legalName}',
  'card.creation.agreementRefused.summary':
    'Partner Center refused the Microsoft Customer Agreement acceptance of {legalName}',
  'card.creation.agreementRefused.exists':
    'The customer exists in Partner Center, but Partner Center refused the Microsoft Customer Agreement acceptance that was sent for it.',
  'card.creation.agreementRefused.confirm':
    'Confirm the acceptance yourself in Partner Center: open the customer and confirm the Microsoft Customer Agreement there. Until then nothing can be ordered.',
} as const;
