/** Sentences about offers, resellers and orders. */
export const order = {
  'order.empty': 'Choose at least one offer and enter the number of licences for it.',
  'order.mcaPending':
    'Subscriptions cannot be ordered yet: ordering waits until the customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center. Remove the offers to add the customer without subscriptions, or go back to Account info and attest that the customer has accepted it.',
  'order.unreadable': 'The list of offers could not be read. Choose the offers again.',
  'order.line.offerMissing': 'Choose an offer on line {line}.',
  'order.offer.unknown': 'There is no offer "{offerId}" in the catalogue. Choose an offer from the list.',
  'order.offer.duplicate':
    '{offerName} is in the order more than once. Keep one line and enter the total number of licences there.',
  'order.offer.notSoldInCountry':
    '{offerName} is not sold in {country}. Remove it from the order or choose another offer.',
  'order.quantity.missing': 'Enter the number of licences for {offerName}: {min} to {max}.',
  'order.quantity.missingExactly': {
    plural: 'min',
    one: 'Enter the number of licences for {offerName}: it is ordered with exactly {min} licence.',
    other: 'Enter the number of licences for {offerName}: it is ordered with exactly {min} licences.',
  },
  'order.quantity.notWhole':
    'Enter the number of licences for {offerName} as a whole number from {min} to {max}; you entered {value}.',
  'order.quantity.notWholeExactly': {
    plural: 'min',
    one: 'Enter the number of licences for {offerName} as a whole number: it is ordered with exactly {min} licence; you entered {value}.',
    other:
      'Enter the number of licences for {offerName} as a whole number: it is ordered with exactly {min} licences; you entered {value}.',
  },
  'order.quantity.outOfRange': '{offerName} allows {min} to {max} licences; you entered {value}.',
  'order.quantity.exactly': {
    plural: 'min',
    one: '{offerName} is ordered with exactly {min} licence; you entered {value}.',
    other: '{offerName} is ordered with exactly {min} licences; you entered {value}.',
  },
  'order.tooManyLines':
    'An order holds at most {max} lines. Remove a line before you add another; the customer can buy more subscriptions in Partner Center once added.',
  'order.search.noMatch':
    'No offer sold in {country} matches "{query}". Try part of the name, the product family or the SKU.',
  'order.line.added': {
    plural: 'count',
    one: 'Added {offerName}: {count} licence, {term}, billed {billingCycle}.',
    other: 'Added {offerName}: {count} licences, {term}, billed {billingCycle}.',
  },
  'order.line.addedNeedsBase': {
    plural: 'count',
    one: 'Added {offerName}: {count} licence, {term}, billed {billingCycle}. It is an add-on: add one of its base offers too before you go on.',
    other:
      'Added {offerName}: {count} licences, {term}, billed {billingCycle}. It is an add-on: add one of its base offers too before you go on.',
  },
  'order.line.changed': {
    plural: 'count',
    one: 'Changed {offerName} to {count} licence, {term}, billed {billingCycle}.',
    other: 'Changed {offerName} to {count} licences, {term}, billed {billingCycle}.',
  },
  'order.line.removed': 'Removed {offerName} from the order.',
  'order.addOn.needsBase': 'Needs one of its base offers in the order too.',
  'order.addOn.baseMissing':
    '{offerName} is an add-on and needs one of these in the order: {baseOffers}. Add one of them, or remove {offerName}.',
  'order.term.notOffered': '{offerName} cannot be bought for a term of {term}; choose {terms}.',
  'order.billingCycle.notOffered': '{offerName} cannot be billed {billingCycle}; choose {billingCycles}.',
  'order.billingCycle.longerThanTerm':
    'A term of {term} cannot be billed {billingCycle}; for {offerName} choose {billingCycles}.',
  'order.term.noBillingCycle':
    '{offerName} has no billing frequency that fits a term of {term}; choose {terms}.',
  'order.removed.mcaPending':
    '{offerName} was removed from the order: nothing can be ordered until the customer accepts the Microsoft Customer Agreement in the Microsoft 365 admin center.',
  'order.removed.notSoldInCountry': '{offerName} was removed from the order: it is not sold in {country}.',
  'order.removed.baseRemoved':
    '{offerName} was removed from the order: it is an add-on, and its base offer was removed ({baseOffers}).',
  'order.removed.baseMissing':
    '{offerName} was removed from the order: it is an add-on and needs one of these in the order: {baseOffers}.',
  'order.removed.unknown':
    'The offer "{offerId}" was removed from the order: it is no longer in the catalogue.',
  'order.removed.duplicate': '{offerName} was in the order twice; the second line was removed.',
  'order.term.P1M': '1 month',
  'order.term.P1Y': '1 year',
  'order.term.P3Y': '3 years',
  'order.billingCycle.monthly': 'monthly',
  'order.billingCycle.annual': 'annually',
  'order.billingCycle.triennial': 'every three years',
  'order.billingCycle.choice.monthly': 'Billed monthly',
  'order.billingCycle.choice.annual': 'Billed annually',
  'order.billingCycle.choice.triennial': 'Billed every three years',
  'order.list.or': '{items} or {last}',
  'order.list.and': '{items} and {last}',
  'reseller.unknown':
    'There is no indirect reseller "{resellerId}". Search by part of the name or by MPN ID and choose one from the results.',
  'reseller.notInCountry':
    '{resellerName} (MPN ID {mpnId}) does not work with customers in {country}, so it cannot be chosen for this customer. Choose a reseller that is active in {country}, or none to make this a direct customer.',
  'reseller.inactive':
    'The relationship with {resellerName} (MPN ID {mpnId}) is not active, so it cannot be chosen. Choose an active reseller, or none to make this a direct customer.',
  'reseller.search.noMatch':
    'No active indirect reseller matches "{query}". Try part of the name or the MPN ID, or choose none to make this a direct customer.',
} as const;
