/** Sentences of the add-customer conversation outside the cards' own labels. */
export const conversation = {
  'flow.alreadyRunning':
    'You are already adding a customer. Continue with the card below, or type "cancel" to discard the draft.',
  'addAgain.started':
    'Here is {legalName} as you submitted it. Change what Partner Center refused, confirm each card, and submit again.',
  'addAgain.offersLeftOut':
    'These offers are no longer in the catalogue and were left out of the order: {offers}.',
  'addAgain.resellerLeftOut':
    '{reseller} no longer serves this customer as its indirect reseller: choose the reseller again.',
  'addAgain.notFound':
    'That customer is not among the customers you submitted, so there is nothing to add again. Type "add customer" to start a new one.',
  'addAgain.pending': 'Partner Center is still creating {legalName}; I will tell you here when it is done.',
  'addAgain.created': 'Partner Center did not refuse {legalName}, so there is nothing to add again.',
  'addAgain.addedAgain':
    'This customer was already added again, as {legalName}, so there is nothing more to add from this message.',
  'addAgain.personalOnly':
    'A refused customer is added again in your personal chat with me, where its message is.',
  'flow.outdatedDraft':
    'Your draft was started with an earlier version of this bot and cannot be continued, so it is discarded; nothing was submitted. Type "add customer" to start again.',
  'flow.unknownText':
    'I did not understand that. Type "add customer" to add a new customer, or "help" to see what I do.',
  'card.stale': 'That card is no longer active, so nothing changed. Please use the latest card.',
  'card.staleNoFlow':
    'That card belongs to a finished or discarded draft, so nothing changed. Type "add customer" to start again.',
  'card.staleShared':
    'That card is not the one waiting for you (in a shared chat each agent has their own draft), so nothing changed. Use your latest card, or type "add customer" to start your own.',
  'turn.overtaken':
    'That arrived while I was answering another message of yours, so it changed nothing. Carry on with the latest card.',
  'card.typedText':
    'I am waiting for your answer on the card below: use its buttons. Type "help" for help or "cancel" to discard the draft.',
  'card.inputTooLong':
    'This is longer than any value this field takes (at most {max} characters), so it was not kept. Enter it again.',
  'card.unreadable': 'I could not read what that card sent. Please fill in the card below again.',
  'language.changed': 'From now on I will talk to you in English.',
  'cancel.nothing': 'There is no draft to cancel. Type "add customer" to add a new customer.',
  'cancel.done': 'The draft is discarded; nothing was saved. Type "add customer" to start again.',
  'cancel.kept': 'The draft is kept. Carry on where you were.',
  'accountInfo.countryChanged':
    'The form now follows the address rules for {country}. Check the fields, then continue.',
  'accountInfo.checkFields': 'Some fields need a change; see the messages below each of them.',
  'existing.found': 'This customer is already yours, so nothing was added.',
  'accountInfo.alreadyYours':
    '{legalName} is already one of your customers (its record is above). If you meant another company, correct the legal name; otherwise type "cancel".',
  'done.created': '{legalName} has been added to your customers.',
  'status.pendingVerification': 'Pending verification',
  'status.active': 'Active',
  'status.verificationFailed': 'Verification failed',
  'done.next.verification':
    'Microsoft reviews new customer accounts; purchases wait until the verification clears, which usually takes a few hours.',
  'done.next.admin':
    'Send the customer its admin sign-in name, {adminSignInName}; the temporary password comes from Partner Center.',
  'done.next.mcaPending':
    'The customer still has to accept the Microsoft Customer Agreement in the Microsoft 365 admin center before anything can be ordered.',
  'done.next.subscriptions': 'The subscriptions are ordered once the verification clears.',
  'fact.legalName': 'Legal name',
  'fact.domain': 'Domain',
  'fact.country': 'Country or region',
  'fact.address': 'Address',
  'fact.registrationNumber': 'Registration number',
  'fact.language': 'Language',
  'fact.culture': 'Culture',
  'fact.existingCustomerCheck': 'Existing customer check',
  'fact.primaryContact': 'Primary contact',
  'fact.mca': 'Microsoft Customer Agreement',
  'fact.mcaAcceptedBy': 'Accepted by',
  'fact.mcaAcceptedOn': 'Accepted on',
  'fact.reseller': 'Indirect reseller',
  'fact.subscriptions': 'Subscriptions',
  'value.mcaAttested': 'The customer accepted it',
  'value.mcaCustomerWillAccept': 'The customer accepts it later in the Microsoft 365 admin center',
  'value.noReseller': 'No reseller: direct customer',
  'value.resellerNotChosen': 'Not chosen yet',
  'value.notAmongYourCustomers':
    'Not among your customers. Whether it already has a Microsoft tenant with another partner is not visible here.',
  'value.noSubscriptions': 'None yet',
  'value.subscriptionLine': {
    plural: 'count',
    one: '{count} licence, {term}, billed {billingCycle}',
    other: '{count} licences, {term}, billed {billingCycle}',
  },
  'value.reseller': '{name} (MPN ID {mpnId})',
  'summary.accountInfo': 'Account info submitted',
  'summary.mca': 'Customer agreement submitted',
  'summary.reseller': 'Reseller chosen',
  'summary.subscriptions': 'Subscriptions chosen',
  'summary.review': 'Submitted for review',
  'summary.cancel': 'Cancel answered',
} as const;
