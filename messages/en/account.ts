/** Sentences about account info, primary contact and the MCA, and about the text of their fields. */
export const account = {
  'text.controlCharacter': {
    plural: 'count',
    one: '{label} contains a hidden control character ({character}) at character {position}. Type the value again on one line, without it.',
    other:
      '{label} contains {count} hidden characters; the first, at character {position}, is a control character ({character}). Type the value again on one line, without them.',
  },
  'text.directionControl': {
    plural: 'count',
    one: '{label} contains a hidden text-direction mark ({character}) at character {position}; it can make the text show differently from what is stored. Type the value again without it.',
    other:
      '{label} contains {count} hidden characters; the first, at character {position}, is a text-direction mark ({character}) that can make the text show differently from what is stored. Type the value again without them.',
  },
  'text.invisibleCharacter': {
    plural: 'count',
    one: '{label} contains an invisible character ({character}) at character {position}; it would make this value differ from one that looks the same. Type the value again without it.',
    other:
      '{label} contains {count} hidden characters; the first, at character {position}, is an invisible character ({character}) that would make this value differ from one that looks the same. Type the value again without them.',
  },
  'text.brokenCharacter': {
    plural: 'count',
    one: '{label} contains a broken character ({character}) at character {position}, which cannot be stored. Type the value again without it.',
    other:
      '{label} contains {count} hidden characters; the first, at character {position}, is a broken character ({character}) that cannot be stored. Type the value again without them.',
  },

  'legalName.required': "Enter the customer's legal name, exactly as on its official registration documents.",
  'legalName.tooShort':
    'The legal name needs at least {min} characters. Enter the full legal name as on official documents.',
  'legalName.tooLong':
    'The legal name can have at most {max} characters; this one has {length}. Enter only the legal name as on official documents.',
  'legalName.repeatedCharacter':
    '"{value}" only repeats one character. Enter the full legal name as on official documents.',
  'legalName.noLetters':
    '"{value}" has no letters. Enter the full legal name as on official documents, not only digits or punctuation.',
  'legalName.spacedLetters':
    '"{value}" is a row of single letters. Enter the full legal name as on official documents, written out.',
  'legalName.bareLegalForm':
    '"{value}" is only a legal form. Enter the full legal name including the company name, for example "Contoso {value}".',
  'legalName.placeholder':
    '"{value}" looks like a test or placeholder name. Enter the real customer\'s full legal name as on official documents.',
  'legalName.acronym': 'Enter the full legal name as on official documents, not the acronym "{value}".',

  'domainPrefix.required':
    'Enter a domain prefix for the customer\'s new .onmicrosoft.com domain: letters and digits only, for example "contoso".',
  'domainPrefix.fullDomain':
    'Enter only the prefix of the new .onmicrosoft.com domain, not a domain or web address: for "{value}" enter "{suggestion}".',
  'domainPrefix.onmicrosoftDomain': 'Enter only the part before .onmicrosoft.com: "{suggestion}".',
  'domainPrefix.invalidCharacters':
    'Use only letters a to z and digits in the domain prefix, without spaces, hyphens or accents: for example "{suggestion}".',
  'domainPrefix.noUsableCharacters':
    'Use only letters a to z and digits in the domain prefix, for example "contoso".',
  'domainPrefix.tooLong':
    'The domain prefix can have at most {max} characters; "{value}" has {length}. Shorten it, for example to "{suggestion}".',
  'domainPrefix.taken':
    '"{domain}" is already taken by another organisation. Choose another prefix; these are free: {suggestions}.',

  'country.required': "Choose the customer's country or region.",
  'country.resolved': '"{typed}" is {name} ({code}) in Partner Center: the form now uses its rules.',
  'country.unknown':
    '"{value}" is not a country or region we have address rules for. Enter its name or its two-letter ISO code, for example Netherlands or NL.',
  'country.notInMarkets':
    'Your partner account is not authorised to sell in {name} ({code}). Choose one of your markets: {markets}.',
  'country.noMarkets':
    'Your partner account has no authorised markets set up, so no customer can be added yet. Ask an administrator to set them.',

  'address.line1.required': 'Enter address line 1: the street and house number.',
  'address.line1.tooLong':
    'Address line 1 can have at most {max} characters. Move the rest to address line 2.',
  'address.line2.tooLong': 'Address line 2 can have at most {max} characters. Shorten it.',
  'address.city.required': 'Enter the city; it is required for addresses in {country}.',
  'address.city.tooLong': 'The city can have at most {max} characters. Enter only the city name.',
  'address.state.required': 'Choose the state or province; it is required for addresses in {country}.',
  'address.state.unknown':
    '"{value}" is not a state or province of {country}. Choose one from the list, for example {examples}.',
  'address.state.tooLong': 'The state or province can have at most {max} characters. Enter only its name.',
  'address.postalCode.required': 'Enter the postal code; it is required for addresses in {country}.',
  'address.postalCode.invalid': '"{value}" is not a valid postal code in {country}. Enter it like {example}.',
  'address.postalCode.tooLong':
    'The postal code can have at most {max} characters. Enter only the postal code.',

  'registrationNumber.required':
    "Enter the customer's organisation registration number ({name}); it is required for customers in {country}. Use the business tax ID, for example {example}.",
  'registrationNumber.invalid':
    '"{value}" is not a valid {name} for {country}. Enter the business tax ID like {example}.',
  'registrationNumber.tooLong': 'The registration number can have at most {max} characters.',

  'language.required': "Choose the customer's language.",
  'language.notSupported': '"{value}" is not a language for customers in {country}. Choose {options}.',
  'culture.required': "Choose the customer's culture (the format for dates and numbers).",
  'culture.notSupported': '"{value}" is not a culture for customers in {country}. Choose {options}.',

  'person.firstName.required': 'Enter the first name.',
  'person.firstName.tooLong': 'The first name can have at most {max} characters. Shorten it.',
  'person.firstName.noLetters': '"{value}" has no letters. Enter the real first name.',
  'person.firstName.placeholder':
    '"{value}" is not a real first name. Enter the first name of the actual person.',
  'person.lastName.required': 'Enter the last name.',
  'person.lastName.tooLong': 'The last name can have at most {max} characters. Shorten it.',
  'person.lastName.noLetters': '"{value}" has no letters. Enter the real last name.',
  'person.lastName.placeholder':
    '"{value}" is not a real last name. Enter the last name of the actual person.',
  'person.email.required': 'Enter the email address.',
  'person.email.invalid': '"{value}" is not a valid email address. Enter it like name@company.com.',
  'person.email.microsoft':
    "Enter an email address of the customer's organisation, not a Microsoft address ({domain}).",
  'person.email.partnerDomain':
    "Enter an email address of the customer's organisation, not one of your own company ({domain}).",
  'person.phone.required': 'Enter the phone number; it is required for customers in {country}.',
  'person.phone.invalid': '"{value}" is not a valid phone number in {country}. Enter it like {example}.',
  'person.phone.invalidAnyCountry':
    '"{value}" is not a valid phone number. Enter digits only, starting with + and the country code, for example +31 20 123 4567.',

  'mca.kind.required':
    'Choose whether you confirm that the customer accepted the Microsoft Customer Agreement, or the customer will accept it in the Microsoft 365 admin center.',
  'mca.acceptedOn.required':
    'Enter the date on which the customer accepted the Microsoft Customer Agreement, as YYYY-MM-DD.',
  'mca.acceptedOn.invalid':
    '"{value}" is not a date. Enter the acceptance date as YYYY-MM-DD, for example {example}.',
  'mca.acceptedOn.future':
    'The acceptance date {value} is in the future (today is {today}). Enter the date on which the customer actually accepted the agreement.',
  'mca.acceptedOn.futureAnywhere':
    'The acceptance date {value} is in the future. Enter the date on which the customer actually accepted the agreement.',
  'mca.acceptedOn.beforeMca':
    'The Microsoft Customer Agreement exists since {since}, so {value} cannot be its acceptance date. Enter the date on which the customer accepted it.',
  'mca.attest.notAllowed':
    'Only an Admin agent or a Sales agent can confirm that the customer accepted the Microsoft Customer Agreement. Ask one of them, or choose that the customer will accept it in the Microsoft 365 admin center.',

  'roles.addCustomer.notAllowed':
    'You need one of these roles to add a customer: Global admin, User management admin, Admin agent or Sales agent. Ask your Global admin for one.',
  'role.globalAdmin': 'Global admin',
  'role.userManagementAdmin': 'User management admin',
  'role.adminAgent': 'Admin agent',
  'role.salesAgent': 'Sales agent',
  'role.manager': 'Manager',
} as const;
