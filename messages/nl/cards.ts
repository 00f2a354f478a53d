import type { Translation } from '../catalogue';
import type { cards as english } from '../en/cards';

/**
 * Headings, labels, placeholders, button titles and sentences on the Adaptive Cards, in the words of
 * the Dutch Partnercentrum ("Klant toevoegen", "Accountgegevens", "Volgende: Abonnementen",
 * "Controleren", "Bijwerken", "Verzenden"). Commands are the Dutch ones of messages/nl/commands.ts.
 */
export const cards: Translation<typeof english> = {
  'card.action.next.mca': 'Volgende: Klantovereenkomst',
  'card.action.next.reseller': 'Volgende: Reseller',
  'card.action.next.subscriptions': 'Volgende: Abonnementen',
  'card.action.next.review': 'Volgende: Controleren',
  'card.action.backToReview': 'Opslaan en terug naar Controleren',
  'card.action.cancel': 'Annuleren',
  'card.action.addCustomer': 'Klant toevoegen',
  'card.action.addAnotherCustomer': 'Nog een klant toevoegen',
  'card.form.example': 'Bijvoorbeeld {example}',

  'card.person.firstName': 'Voornaam',
  'card.person.lastName': 'Achternaam',
  'card.person.email': 'E-mailadres',
  'card.person.email.placeholder': 'Bijvoorbeeld naam@contoso.com',
  'card.person.phone': 'Telefoonnummer',
  'card.person.phoneOptional': 'Telefoonnummer (optioneel)',

  'card.welcome.title': 'Een nieuwe klant toevoegen',
  'card.welcome.intro':
    'Ik help u in deze chat stap voor stap een nieuwe klant toe te voegen, net als op de pagina Klant toevoegen in Partnercentrum.',
  'card.welcome.steps':
    'U voert de accountgegevens en de primaire contactpersoon in, bevestigt de Microsoft-klantovereenkomst en kiest de indirecte reseller (alleen voor indirecte providers) en de abonnementen. Daarna controleert en verzendt u alles.',
  'card.welcome.existingCustomers':
    'Een klant mag niet twee keer worden toegevoegd. Is het al een klant van u, dan laat ik u de klantgegevens zien en voeg ik niets toe.',
  'card.welcome.commands':
    'Typ op elk moment "hulp" om te zien wat ik kan doen, of "annuleren" om te stoppen.',
  'card.welcome.sharedChat':
    'Gebruik in deze chat een @vermelding van mij met een opdracht, of kies Klant toevoegen. Ieder van u heeft een eigen concept; alleen wie een rol heeft waarmee klanten mogen worden toegevoegd, kan er een beginnen.',

  'card.help.title': 'Hulp',
  'card.help.intro':
    'Ik help u een nieuwe klant toe te voegen zoals Partnercentrum dat doet. U kunt deze opdrachten typen:',
  'card.help.command.addCustomer':
    '**klant toevoegen** of **nieuwe klant**: begin met het toevoegen van een nieuwe klant.',
  'card.help.command.addCustomerInFlow':
    '**klant toevoegen** of **nieuwe klant**: begin aan de volgende klant zodra deze is verzonden of geannuleerd.',
  'card.help.command.help': '**hulp**: toon deze hulp.',
  'card.help.command.language': '**taal**: praat met mij in het Nederlands of in het Engels (English).',
  'card.help.command.cancel':
    '**annuleren**: stop met het toevoegen van de klant; ik vraag u om een bevestiging voordat uw concept wordt verwijderd.',
  'card.help.inFlow':
    'Uw concept blijft bewaard. Hieronder volgt de kaart waarmee u bezig was, zodat u verder kunt gaan waar u was gebleven.',

  'card.accountInfo.title': 'Accountgegevens',
  'card.accountInfo.intro':
    'Voer de gegevens van de klant in precies zoals op de officiële documenten: de volledige wettelijke naam en het volledige adres, zonder afkortingen, verkorte vormen of testnamen.',
  'card.accountInfo.company': 'Bedrijf',
  'card.accountInfo.address': 'Adres',
  'card.accountInfo.primaryContact': 'Primaire contactpersoon',
  'card.accountInfo.legalName': 'Wettelijke bedrijfsnaam',
  'card.accountInfo.legalName.placeholder': 'Zoals op de officiële registratiedocumenten',
  'card.accountInfo.domainPrefix': 'Domeinnaam (.onmicrosoft.com)',
  'card.accountInfo.domainPrefix.placeholder': 'Bijvoorbeeld contoso, voor contoso.onmicrosoft.com',
  'card.accountInfo.registrationNumber': 'Registratienummer van de organisatie',
  'card.accountInfo.registrationNumberNamed': 'Registratienummer van de organisatie: {name}',
  'card.accountInfo.registrationNumber.required':
    'Voer het registratienummer van de organisatie van de klant in; dit is verplicht voor klanten in {country}.',
  'card.accountInfo.language': 'Taal',
  'card.accountInfo.language.placeholder': 'Kies een taal',
  'card.accountInfo.culture': 'Cultuur (notatie van datums en getallen)',
  'card.accountInfo.culture.placeholder': 'Kies een cultuur',
  'card.accountInfo.country': 'Land of regio',
  'card.accountInfo.country.placeholder': 'Kies een land of regio',
  'card.accountInfo.addressLine1': 'Adresregel 1',
  'card.accountInfo.addressLine1.placeholder': 'Straat en huisnummer',
  'card.accountInfo.addressLine2': 'Adresregel 2',
  'card.accountInfo.addressLine2.placeholder': 'Gebouw, verdieping of kamernummer',
  'card.accountInfo.neededIn': '{label} (verplicht in {country})',
  'card.accountInfo.city': 'Plaats',
  'card.accountInfo.state': 'Staat of provincie',
  'card.accountInfo.state.placeholder': 'Kies een staat of provincie',
  'card.accountInfo.postalCode': 'Postcode',

  'card.mca.title': 'Microsoft-klantovereenkomst',
  'card.mca.intro':
    'Elke klant moet de meest recente Microsoft-klantovereenkomst accepteren. Bevestig dat deze klant de overeenkomst heeft geaccepteerd, of laat de klant de overeenkomst zelf accepteren in het Microsoft 365-beheercentrum.',
  'card.mca.choice': 'Acceptatie van de overeenkomst',
  'card.mca.choice.attested':
    'Ik bevestig dat de klant de meest recente Microsoft-klantovereenkomst heeft geaccepteerd',
  'card.mca.choice.customerWillAccept':
    'De klant accepteert de overeenkomst zelf in het Microsoft 365-beheercentrum (tot dan kan er niets worden besteld)',
  'card.mca.notAllowed':
    'Alleen een beheeragent of een verkoopagent mag bevestigen dat de klant de Microsoft-klantovereenkomst heeft geaccepteerd. De klant accepteert de overeenkomst zelf in het Microsoft 365-beheercentrum.',
  'card.mca.acceptedBy': 'Wie de overeenkomst heeft geaccepteerd',
  'card.mca.acceptedBy.intro':
    'Alleen als u de acceptatie bevestigt: de persoon bij de klant die de overeenkomst heeft geaccepteerd, en wanneer. Hier staat eerst de primaire contactpersoon; wijzig dit als iemand anders de overeenkomst heeft geaccepteerd.',
  'card.mca.acceptedOn': 'Datum van acceptatie',
  'card.mca.acceptedOn.tooLate':
    'Voer de datum in waarop de klant de overeenkomst heeft geaccepteerd; die kan niet later zijn dan {maxDate}.',
  'card.mca.acceptedOn.inFuture':
    'Voer de datum in waarop de klant de overeenkomst heeft geaccepteerd; die kan niet in de toekomst liggen.',

  'card.reseller.title': 'Indirecte reseller',
  'card.reseller.intro':
    'Kies de indirecte reseller die u wilt koppelen aan de abonnementen van deze klant, of geen reseller om er uw directe klant van te maken.',
  'card.reseller.query': 'Resellers zoeken',
  'card.reseller.query.placeholder': 'Deel van de naam of de MPN-id',
  'card.reseller.search': 'Zoeken',
  'card.reseller.choice': 'Reseller',
  'card.reseller.choiceTitle': '{name} (MPN-id {mpnId})',
  'card.reseller.none': 'Geen reseller: directe klant',
  'card.reseller.showingAll': 'De lijst toont alle actieve resellers.',

  'card.subscriptions.title': 'Abonnementen',
  'card.subscriptions.intro':
    'Zoek de aanbiedingen die de klant in {country} wil en voeg ze elk toe met het aantal licenties, de looptijd en de factureringsfrequentie. De bestelling wordt gecontroleerd zodra u verdergaat.',
  'card.subscriptions.order': {
    plural: 'count',
    one: 'Bestelling: {count} regel',
    other: 'Bestelling: {count} regels',
  },
  'card.subscriptions.orderEmpty':
    'Er staat nog niets in de bestelling. Zoek hieronder een aanbieding en voeg die toe.',
  'card.subscriptions.line': {
    plural: 'count',
    one: '**{offerName}**: {count} licentie, {term}, {billingCycle} gefactureerd',
    other: '**{offerName}**: {count} licenties, {term}, {billingCycle} gefactureerd',
  },
  'card.subscriptions.change': 'Wijzigen',
  'card.subscriptions.remove': 'Verwijderen',
  'card.subscriptions.save': 'Opslaan',
  'card.subscriptions.keep': 'Niet wijzigen',
  'card.subscriptions.find': 'Aanbiedingen zoeken',
  'card.subscriptions.query': 'Zoeken in aanbiedingen',
  'card.subscriptions.query.placeholder': 'Naam, productfamilie of deel van de SKU',
  'card.subscriptions.search': 'Zoeken',
  'card.subscriptions.bestSellers': 'Meest verkocht in {country}',
  'card.subscriptions.results': 'Aanbiedingen die overeenkomen met "{query}"',
  'card.subscriptions.showing': 'Resultaten {first}–{last}',
  'card.subscriptions.more': 'Meer',
  'card.subscriptions.previous': 'Vorige',
  'card.subscriptions.showingBestSellers':
    'In plaats daarvan ziet u de meest verkochte aanbiedingen in {country}.',
  'card.subscriptions.noBestSellers':
    'Zoek de aanbiedingen die de klant wil op naam, productfamilie of een deel van de SKU.',
  'card.subscriptions.offerFacts': '{productFamily} · SKU {sku} · {range}',
  'card.subscriptions.changeLine': 'Een regel van de bestelling wijzigen',
  'card.subscriptions.addOnOf': 'Invoegtoepassing: vereist {baseOffers} in de bestelling.',
  'card.subscriptions.inOrder': {
    plural: 'count',
    one: 'In de bestelling: {count} licentie. Wijzig het aantal daar.',
    other: 'In de bestelling: {count} licenties. Wijzig het aantal daar.',
  },
  'card.subscriptions.add': 'Toevoegen',
  'card.subscriptions.range': '{min}–{max} licenties',
  'card.subscriptions.rangeExactly': {
    plural: 'min',
    one: 'Precies {min} licentie',
    other: 'Precies {min} licenties',
  },
  'card.subscriptions.quantityOf': 'Aantal licenties voor {offerName}',
  'card.subscriptions.termOf': 'Looptijd van {offerName}',
  'card.subscriptions.billingCycleOf': 'Facturering van {offerName}',
  'card.subscriptions.mcaPending':
    'Bestellen kan pas als de klant de Microsoft-klantovereenkomst heeft geaccepteerd in het Microsoft 365-beheercentrum, dus u kunt nu geen abonnementen kiezen. Kies Volgende om zonder abonnementen verder te gaan.',

  'card.review.title': 'Controleren',
  'card.review.intro':
    'Controleer al uw vermeldingen. Kies Bijwerken om een sectie te wijzigen; daarna komt u hier terug. Kies Verzenden als alles juist is.',
  'card.review.errors': 'De klant kan nog niet worden verzonden:',
  'card.review.notices': 'Uw wijziging heeft ook andere secties aangepast:',
  'card.review.section.accountInfo': 'Accountgegevens',
  'card.review.section.mca': 'Microsoft-klantovereenkomst',
  'card.review.section.reseller': 'Indirecte reseller',
  'card.review.section.subscriptions': 'Abonnementen',
  'card.review.sectionEmpty': 'Geen.',
  'card.review.update': 'Bijwerken',
  'card.review.submit': 'Verzenden',

  'card.done.title': 'Klant toegevoegd',
  'card.done.summary': '{legalName} is nu uw klant.',
  'card.done.customerId': 'Klant-id',
  'card.done.legalName': 'Wettelijke naam',
  'card.done.adminSignInName': 'Aanmeldingsnaam beheerder',
  'card.done.status': 'Status',
  'card.done.subscriptions': 'Abonnementen',
  'card.done.noSubscriptions': 'Geen abonnementen besteld.',
  'card.done.nextSteps': 'Volgende stappen',

  'card.submitted.note': 'Verzonden: deze kaart kan niet meer worden gewijzigd.',

  'card.confirmCancel.title': 'Stoppen met het toevoegen van deze klant?',
  'card.confirmCancel.text': 'Als u nu stopt, wordt alles wat u voor deze klant hebt ingevoerd verwijderd.',
  'card.confirmCancel.confirm': 'Ja, concept verwijderen',
  'card.confirmCancel.keep': 'Nee, concept bewaren',

  'card.ownCustomer.title': 'Al een klant van u',
  'card.ownCustomer.found': '{legalName} ({country}) is al een van uw klanten:',
  'card.ownCustomer.added': 'Toegevoegd',
  'card.ownCustomer.addedOnBy': 'Op {addedOn} door {addedBy}',
  'card.ownCustomer.nothingAdded':
    'Er is niets toegevoegd. Open deze klant in Partnercentrum om de gegevens te wijzigen.',

  // {language} is the language's own name: "Nederlands".
  'card.language.title': 'Taal',
  'card.language.text': 'We spreken nu {language}. Welke taal wilt u gebruiken?',
};
