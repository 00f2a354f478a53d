import type { Translation } from '../catalogue';
import type { account as english } from '../en/account';

/** Sentences about account info, primary contact and the MCA, and about the text of their fields. */
export const account: Translation<typeof english> = {
  // {label} is a field's label as the card shows it ("Wettelijke bedrijfsnaam"), so: "Het veld {label}".
  'text.controlCharacter': {
    plural: 'count',
    one: 'Het veld {label} bevat een verborgen besturingsteken ({character}) op positie {position}. Typ de waarde opnieuw op één regel, zonder dit teken.',
    other:
      'Het veld {label} bevat {count} verborgen tekens; het eerste, op positie {position}, is een besturingsteken ({character}). Typ de waarde opnieuw op één regel, zonder deze tekens.',
  },
  'text.directionControl': {
    plural: 'count',
    one: 'Het veld {label} bevat een verborgen teken voor de schrijfrichting ({character}) op positie {position}; daardoor kan de tekst er anders uitzien dan wat is opgeslagen. Typ de waarde opnieuw zonder dit teken.',
    other:
      'Het veld {label} bevat {count} verborgen tekens; het eerste, op positie {position}, is een teken voor de schrijfrichting ({character}) waardoor de tekst er anders kan uitzien dan wat is opgeslagen. Typ de waarde opnieuw zonder deze tekens.',
  },
  'text.invisibleCharacter': {
    plural: 'count',
    one: 'Het veld {label} bevat een onzichtbaar teken ({character}) op positie {position}; daardoor zou deze waarde verschillen van een waarde die er precies hetzelfde uitziet. Typ de waarde opnieuw zonder dit teken.',
    other:
      'Het veld {label} bevat {count} verborgen tekens; het eerste, op positie {position}, is een onzichtbaar teken ({character}) waardoor deze waarde zou verschillen van een waarde die er precies hetzelfde uitziet. Typ de waarde opnieuw zonder deze tekens.',
  },
  'text.brokenCharacter': {
    plural: 'count',
    one: 'Het veld {label} bevat een beschadigd teken ({character}) op positie {position} dat niet kan worden opgeslagen. Typ de waarde opnieuw zonder dit teken.',
    other:
      'Het veld {label} bevat {count} verborgen tekens; het eerste, op positie {position}, is een beschadigd teken ({character}) dat niet kan worden opgeslagen. Typ de waarde opnieuw zonder deze tekens.',
  },

  'legalName.required':
    'Voer de wettelijke naam van de klant in, precies zoals die op de officiële registratiedocumenten staat.',
  'legalName.tooShort':
    'De wettelijke naam moet minstens {min} tekens bevatten. Voer de volledige wettelijke naam in zoals die op officiële documenten staat.',
  'legalName.tooLong':
    'De wettelijke naam mag maximaal {max} tekens bevatten; deze naam heeft er {length}. Voer alleen de wettelijke naam in zoals die op officiële documenten staat.',
  'legalName.repeatedCharacter':
    '"{value}" bestaat uit één teken dat steeds wordt herhaald. Voer de volledige wettelijke naam in zoals die op officiële documenten staat.',
  'legalName.noLetters':
    '"{value}" bevat geen letters. Voer de volledige wettelijke naam in zoals die op officiële documenten staat, niet alleen cijfers of leestekens.',
  'legalName.spacedLetters':
    '"{value}" is een reeks losse letters. Voer de volledige wettelijke naam voluit in, zoals die op officiële documenten staat.',
  'legalName.bareLegalForm':
    '"{value}" is alleen een rechtsvorm. Voer de volledige wettelijke naam in, inclusief de bedrijfsnaam, bijvoorbeeld "Contoso {value}".',
  'legalName.placeholder':
    '"{value}" lijkt op een test- of voorbeeldnaam. Voer de volledige wettelijke naam van de echte klant in zoals die op officiële documenten staat.',
  'legalName.acronym':
    'Voer de volledige wettelijke naam in zoals die op officiële documenten staat, niet de afkorting "{value}".',

  // The label is "Domeinnaam (.onmicrosoft.com)": the domain name is the part before .onmicrosoft.com.
  'domainPrefix.required':
    'Voer een domeinnaam in voor het nieuwe .onmicrosoft.com-domein van de klant: alleen letters en cijfers, bijvoorbeeld "contoso".',
  'domainPrefix.fullDomain':
    'Voer alleen het eerste deel van het nieuwe .onmicrosoft.com-domein in, geen volledig domein of webadres: voor "{value}" voert u "{suggestion}" in.',
  'domainPrefix.onmicrosoftDomain': 'Voer alleen het deel vóór .onmicrosoft.com in: "{suggestion}".',
  'domainPrefix.invalidCharacters':
    'Gebruik in de domeinnaam alleen de letters a tot en met z en cijfers, zonder spaties, streepjes of accenten: bijvoorbeeld "{suggestion}".',
  'domainPrefix.noUsableCharacters':
    'Gebruik in de domeinnaam alleen de letters a tot en met z en cijfers, bijvoorbeeld "contoso".',
  'domainPrefix.tooLong':
    'De domeinnaam mag maximaal {max} tekens bevatten; "{value}" heeft er {length}. Maak de naam korter, bijvoorbeeld "{suggestion}".',
  'domainPrefix.taken':
    '"{domain}" is al in gebruik bij een andere organisatie. Kies een andere domeinnaam; deze zijn nog vrij: {suggestions}.',

  'country.required': 'Kies het land of de regio van de klant.',
  'country.resolved':
    '"{typed}" is {name} ({code}) in Partnercentrum: het formulier gebruikt nu de bijbehorende regels.',
  'country.unknown':
    '"{value}" is geen land of regio waarvoor we adresregels hebben. Voer de naam in of de ISO-code van twee letters, bijvoorbeeld Nederland of NL.',
  'country.notInMarkets':
    'Uw partneraccount is niet gemachtigd om te verkopen in {name} ({code}). Kies een van uw markten: {markets}.',
  'country.noMarkets':
    'Voor uw partneraccount zijn nog geen markten ingesteld waarin u mag verkopen, dus er kan nog geen klant worden toegevoegd. Vraag een beheerder om ze in te stellen.',

  'address.line1.required': 'Vul adresregel 1 in: de straat en het huisnummer.',
  'address.line1.tooLong': 'Adresregel 1 mag maximaal {max} tekens bevatten. Zet de rest in adresregel 2.',
  'address.line2.tooLong': 'Adresregel 2 mag maximaal {max} tekens bevatten. Maak de regel korter.',
  'address.city.required': 'Voer de plaats in; die is verplicht voor adressen in {country}.',
  'address.city.tooLong': 'De plaats mag maximaal {max} tekens bevatten. Voer alleen de plaatsnaam in.',
  'address.state.required': 'Kies de staat of provincie; die is verplicht voor adressen in {country}.',
  'address.state.unknown':
    '"{value}" is geen staat of provincie van {country}. Kies er een uit de lijst, bijvoorbeeld {examples}.',
  'address.state.tooLong':
    'De staat of provincie mag maximaal {max} tekens bevatten. Voer alleen de naam in.',
  'address.postalCode.required': 'Voer de postcode in; die is verplicht voor adressen in {country}.',
  'address.postalCode.invalid':
    '"{value}" is geen geldige postcode in {country}. Voer de postcode in als {example}.',
  'address.postalCode.tooLong': 'De postcode mag maximaal {max} tekens bevatten. Voer alleen de postcode in.',

  // {name} is the number's own name in the country's data ("company registration number or VAT number").
  'registrationNumber.required':
    'Voer het registratienummer van de organisatie van de klant in ({name}); dit is verplicht voor klanten in {country}. Gebruik het fiscale identificatienummer van het bedrijf, bijvoorbeeld {example}.',
  'registrationNumber.invalid':
    '"{value}" is geen geldig registratienummer ({name}) voor {country}. Voer het fiscale identificatienummer van het bedrijf in als {example}.',
  'registrationNumber.tooLong': 'Het registratienummer mag maximaal {max} tekens bevatten.',

  'language.required': 'Kies de taal van de klant.',
  'language.notSupported': '"{value}" is geen taal voor klanten in {country}. Kies {options}.',
  'culture.required': 'Kies de cultuur van de klant (de notatie van datums en getallen).',
  'culture.notSupported': '"{value}" is geen cultuur voor klanten in {country}. Kies {options}.',

  'person.firstName.required': 'Voer de voornaam in.',
  'person.firstName.tooLong': 'De voornaam mag maximaal {max} tekens bevatten. Maak de naam korter.',
  'person.firstName.noLetters': '"{value}" bevat geen letters. Voer de echte voornaam in.',
  'person.firstName.placeholder':
    '"{value}" is geen echte voornaam. Voer de voornaam van de persoon zelf in.',
  'person.lastName.required': 'Voer de achternaam in.',
  'person.lastName.tooLong': 'De achternaam mag maximaal {max} tekens bevatten. Maak de naam korter.',
  'person.lastName.noLetters': '"{value}" bevat geen letters. Voer de echte achternaam in.',
  'person.lastName.placeholder':
    '"{value}" is geen echte achternaam. Voer de achternaam van de persoon zelf in.',
  'person.email.required': 'Voer het e-mailadres in.',
  'person.email.invalid': '"{value}" is geen geldig e-mailadres. Voer het adres in als naam@bedrijf.nl.',
  'person.email.microsoft':
    'Voer een e-mailadres van de organisatie van de klant in, geen Microsoft-adres ({domain}).',
  'person.email.partnerDomain':
    'Voer een e-mailadres van de organisatie van de klant in, geen adres van uw eigen bedrijf ({domain}).',
  'person.phone.required': 'Voer het telefoonnummer in; dit is verplicht voor klanten in {country}.',
  'person.phone.invalid':
    '"{value}" is geen geldig telefoonnummer in {country}. Voer het nummer in als {example}.',
  'person.phone.invalidAnyCountry':
    '"{value}" is geen geldig telefoonnummer. Voer alleen cijfers in, beginnend met + en de landcode, bijvoorbeeld +31 20 123 4567.',

  'mca.kind.required':
    'Kies of u bevestigt dat de klant de Microsoft-klantovereenkomst heeft geaccepteerd, of dat de klant de overeenkomst zelf accepteert in het Microsoft 365-beheercentrum.',
  'mca.acceptedOn.required':
    'Voer de datum in waarop de klant de Microsoft-klantovereenkomst heeft geaccepteerd, als JJJJ-MM-DD.',
  'mca.acceptedOn.invalid':
    '"{value}" is geen datum. Voer de acceptatiedatum in als JJJJ-MM-DD, bijvoorbeeld {example}.',
  'mca.acceptedOn.future':
    'De acceptatiedatum {value} ligt in de toekomst (vandaag is het {today}). Voer de datum in waarop de klant de overeenkomst werkelijk heeft geaccepteerd.',
  'mca.acceptedOn.futureAnywhere':
    'De acceptatiedatum {value} ligt in de toekomst. Voer de datum in waarop de klant de overeenkomst werkelijk heeft geaccepteerd.',
  'mca.acceptedOn.beforeMca':
    'De Microsoft-klantovereenkomst bestaat sinds {since}, dus {value} kan niet de acceptatiedatum zijn. Voer de datum in waarop de klant de overeenkomst heeft geaccepteerd.',
  'mca.attest.notAllowed':
    'Alleen een beheeragent of een verkoopagent kan bevestigen dat de klant de Microsoft-klantovereenkomst heeft geaccepteerd. Vraag het aan een van hen, of kies dat de klant de overeenkomst zelf accepteert in het Microsoft 365-beheercentrum.',

  // The role names of the Dutch Partnercentrum.
  'roles.addCustomer.notAllowed':
    'U hebt een van deze rollen nodig om een klant toe te voegen: Globale beheerder, Beheerder gebruikersbeheer, Beheeragent of Verkoopagent. Vraag uw globale beheerder om een van deze rollen.',
  'role.globalAdmin': 'Globale beheerder',
  'role.userManagementAdmin': 'Beheerder gebruikersbeheer',
  'role.adminAgent': 'Beheeragent',
  'role.salesAgent': 'Verkoopagent',
  'role.manager': 'Manager',
};
