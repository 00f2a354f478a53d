/** Headings, labels, placeholders, button titles and sentences on the Adaptive Cards. */
export const cards = {
  'card.action.next.mca': 'Next: Customer agreement',
  'card.action.next.reseller': 'Next: Reseller',
  'card.action.next.subscriptions': 'Next: Subscriptions',
  'card.action.next.review': 'Next: Review',
  'card.action.backToReview': 'Save and back to Review',
  'card.action.cancel': 'Cancel',
  'card.action.addCustomer': 'Add customer',
  'card.action.addAnotherCustomer': 'Add another customer',
  'card.form.example': 'For example {example}',

  'card.person.firstName': 'First name',
  'card.person.lastName': 'Last name',
  'card.person.email': 'Email address',
  'card.person.email.placeholder': 'For example name@contoso.com',
  'card.person.phone': 'Phone number',
  'card.person.phoneOptional': 'Phone number (optional)',

  'card.welcome.title': 'Add a new customer',
  'card.welcome.intro':
    "I help you add a new customer the way Partner Center's Add customer page does, step by step in this chat.",
  'card.welcome.steps':
    'You enter the account info and primary contact, confirm the Microsoft Customer Agreement, choose the indirect reseller (indirect providers only) and the subscriptions, then review and submit.',
  'card.welcome.existingCustomers':
    'A customer must not be added twice. If it is already one of your customers, I show you its record and add nothing.',
  'card.welcome.commands': 'Type "help" at any time to see what I can do, or "cancel" to stop.',
  'card.welcome.sharedChat':
    'In this chat, @mention me with a command, or press Add customer. Each of you keeps your own draft; only agents with a role that may add customers can start one.',

  'card.help.title': 'Help',
  'card.help.intro':
    'I help you add a new customer the way Partner Center does. You can type these commands:',
  'card.help.command.addCustomer': '**add customer** or **new customer**: start adding a new customer.',
  'card.help.command.addCustomerInFlow':
    '**add customer** or **new customer**: start the next customer, once this one is submitted or cancelled.',
  'card.help.command.help': '**help**: show this help.',
  'card.help.command.language': '**language**: talk to me in English or Dutch (Nederlands).',
  'card.help.command.cancel':
    '**cancel**: stop adding the customer; I ask you to confirm before your draft is discarded.',
  'card.help.inFlow':
    'Your draft is kept. The card you were working on follows, so you can carry on where you left off.',

  'card.accountInfo.title': 'Account info',
  'card.accountInfo.intro':
    "Enter the customer's details exactly as on its official documents: the full legal name and the full address, without acronyms, short forms or test names.",
  'card.accountInfo.company': 'Company',
  'card.accountInfo.address': 'Address',
  'card.accountInfo.primaryContact': 'Primary contact',
  'card.accountInfo.legalName': 'Company legal name',
  'card.accountInfo.legalName.placeholder': 'As on official registration documents',
  'card.accountInfo.domainPrefix': 'Domain prefix (.onmicrosoft.com)',
  'card.accountInfo.domainPrefix.placeholder': 'For example contoso, for contoso.onmicrosoft.com',
  'card.accountInfo.registrationNumber': 'Organisation registration number',
  'card.accountInfo.registrationNumberNamed': 'Organisation registration number: {name}',
  'card.accountInfo.registrationNumber.required':
    "Enter the customer's organisation registration number; it is required for customers in {country}.",
  'card.accountInfo.language': 'Language',
  'card.accountInfo.language.placeholder': 'Choose a language',
  'card.accountInfo.culture': 'Culture (format of dates and numbers)',
  'card.accountInfo.culture.placeholder': 'Choose a culture',
  'card.accountInfo.country': 'Country or region',
  'card.accountInfo.country.placeholder': 'Choose a country or region',
  'card.accountInfo.addressLine1': 'Address line 1',
  'card.accountInfo.addressLine1.placeholder': 'Street and house number',
  'card.accountInfo.addressLine2': 'Address line 2',
  'card.accountInfo.addressLine2.placeholder': 'Building, floor or suite',
  'card.accountInfo.neededIn': '{label} (required in {country})',
  'card.accountInfo.city': 'City',
  'card.accountInfo.state': 'State or province',
  'card.accountInfo.state.placeholder': 'Choose a state or province',
  'card.accountInfo.postalCode': 'Postal code',

  'card.mca.title': 'Microsoft Customer Agreement',
  'card.mca.intro':
    'Every customer must accept the latest Microsoft Customer Agreement. Confirm that this customer has accepted it, or leave it to the customer to accept it in the Microsoft 365 admin center.',
  'card.mca.choice': 'Acceptance of the agreement',
  'card.mca.choice.attested':
    'I confirm that the customer has accepted the latest Microsoft Customer Agreement',
  'card.mca.choice.customerWillAccept':
    'The customer will accept it in the Microsoft 365 admin center (nothing can be ordered until then)',
  'card.mca.notAllowed':
    'Only Admin agents and Sales agents may confirm that the customer accepted the Microsoft Customer Agreement. The customer will accept it in the Microsoft 365 admin center.',
  'card.mca.acceptedBy': 'Who accepted the agreement',
  'card.mca.acceptedBy.intro':
    'Only when you confirm acceptance: the person at the customer who accepted the agreement, and when. It starts as the primary contact; change it if someone else accepted.',
  'card.mca.acceptedOn': 'Date of acceptance',
  'card.mca.acceptedOn.tooLate':
    'Enter the date on which the customer accepted the agreement; it cannot be later than {maxDate}.',
  'card.mca.acceptedOn.inFuture':
    'Enter the date on which the customer accepted the agreement; it cannot be in the future.',

  'card.reseller.title': 'Indirect reseller',
  'card.reseller.intro':
    "Choose the indirect reseller to associate with this customer's subscriptions, or no reseller to make it your direct customer.",
  'card.reseller.query': 'Search resellers',
  'card.reseller.query.placeholder': 'Part of the name or the MPN ID',
  'card.reseller.search': 'Search',
  'card.reseller.choice': 'Reseller',
  'card.reseller.choiceTitle': '{name} (MPN ID {mpnId})',
  'card.reseller.none': 'No reseller: direct customer',
  'card.reseller.showingAll': 'The list shows every active reseller.',

  'card.subscriptions.title': 'Subscriptions',
  'card.subscriptions.intro':
    'Find the offers the customer wants in {country} and add each with its number of licences, term and billing frequency. The order is checked when you go on.',
  'card.subscriptions.order': {
    plural: 'count',
    one: 'Order: {count} line',
    other: 'Order: {count} lines',
  },
  'card.subscriptions.orderEmpty': 'Nothing in the order yet. Find an offer below and add it.',
  'card.subscriptions.line': {
    plural: 'count',
    one: '**{offerName}**: {count} licence, {term}, billed {billingCycle}',
    other: '**{offerName}**: {count} licences, {term}, billed {billingCycle}',
  },
  'card.subscriptions.change': 'Change',
  'card.subscriptions.remove': 'Remove',
  'card.subscriptions.save': 'Save',
  'card.subscriptions.keep': 'Keep as it was',
  'card.subscriptions.find': 'Find offers',
  'card.subscriptions.query': 'Search offers',
  'card.subscriptions.query.placeholder': 'Name, product family or part of the SKU',
  'card.subscriptions.search': 'Search',
  'card.subscriptions.bestSellers': 'Most sold in {country}',
  'card.subscriptions.results': 'Offers matching "{query}"',
  'card.subscriptions.showing': 'Showing {first}–{last}',
  'card.subscriptions.more': 'More',
  'card.subscriptions.previous': 'Previous',
  'card.subscriptions.showingBestSellers': 'The most sold offers in {country} are shown instead.',
  'card.subscriptions.noBestSellers':
    'Search for the offers the customer wants by name, product family or part of the SKU.',
  'card.subscriptions.offerFacts': '{productFamily} · SKU {sku} · {range}',
  'card.subscriptions.changeLine': 'Change a line of the order',
  'card.subscriptions.addOnOf': 'Add-on: needs {baseOffers} in the order.',
  'card.subscriptions.inOrder': {
    plural: 'count',
    one: 'In the order: {count} licence. Change it there.',
    other: 'In the order: {count} licences. Change it there.',
  },
  'card.subscriptions.add': 'Add',
  'card.subscriptions.range': '{min}–{max} licences',
  'card.subscriptions.rangeExactly': {
    plural: 'min',
    one: 'Exactly {min} licence',
    other: 'Exactly {min} licences',
  },
  'card.subscriptions.quantityOf': 'Licences of {offerName}',
  'card.subscriptions.termOf': 'Term of {offerName}',
  'card.subscriptions.billingCycleOf': 'Billing of {offerName}',
  'card.subscriptions.mcaPending':
    'Ordering waits until the customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center, so no subscriptions can be chosen now. Choose Next to continue without subscriptions.',

  'card.review.title': 'Review',
  'card.review.intro':
    'Check every entry. Choose Update to change a section; you come back here afterwards. Choose Submit when everything is right.',
  'card.review.errors': 'The customer cannot be submitted yet:',
  'card.review.notices': 'Your update changed other sections:',
  'card.review.section.accountInfo': 'Account info',
  'card.review.section.mca': 'Microsoft Customer Agreement',
  'card.review.section.reseller': 'Indirect reseller',
  'card.review.section.subscriptions': 'Subscriptions',
  'card.review.sectionEmpty': 'None.',
  'card.review.update': 'Update',
  'card.review.submit': 'Submit',

  'card.done.title': 'Customer added',
  'card.done.summary': '{legalName} is now your customer.',
  'card.done.customerId': 'Customer ID',
  'card.done.legalName': 'Legal name',
  'card.done.adminSignInName': 'Admin sign-in name',
  'card.done.status': 'Status',
  'card.done.subscriptions': 'Subscriptions',
  'card.done.noSubscriptions': 'No subscriptions ordered.',
  'card.done.nextSteps': 'Next steps',

  'card.submitted.note': 'Submitted: this card can no longer be changed.',

  'card.confirmCancel.title': 'Stop adding this customer?',
  'card.confirmCancel.text': 'If you stop now, everything you entered for this customer is discarded.',
  'card.confirmCancel.confirm': 'Yes, discard the draft',
  'card.confirmCancel.keep': 'No, keep the draft',

  'card.ownCustomer.title': 'Already your customer',
  'card.ownCustomer.found': '{legalName} ({country}) is already one of your customers:',
  'card.ownCustomer.added': 'Added',
  'card.ownCustomer.addedOnBy': 'On {addedOn} by {addedBy}',
  'card.ownCustomer.nothingAdded': 'Nothing was added. To change this customer, open it in Partner Center.',

  'card.language.title': 'Language',
  'card.language.text': 'We are talking in {language}. Which language would you like?',
} as const;
