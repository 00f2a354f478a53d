import type { Translation } from '../catalogue';
import type { conversation as english } from '../en/conversation';

/**
 * Sentences of the add-customer conversation outside the cards' own labels. The commands they quote
 * are the Dutch ones of messages/nl/commands.ts: "klant toevoegen", "hulp", "annuleren".
 */
export const conversation: Translation<typeof english> = {
  'flow.alreadyRunning':
    'U bent al een klant aan het toevoegen. Ga verder met de kaart hieronder, of typ "annuleren" om het concept te verwijderen.',
  'addAgain.started':
    'Hier ziet u {legalName} zoals u die hebt verzonden. Wijzig wat Partnercentrum heeft geweigerd, bevestig elke kaart en verzend opnieuw.',
  'addAgain.offersLeftOut':
    'Deze aanbiedingen staan niet meer in de catalogus en zijn uit de bestelling gelaten: {offers}.',
  'addAgain.resellerLeftOut':
    '{reseller} is niet meer de indirecte reseller voor deze klant: kies de reseller opnieuw.',
  'addAgain.notFound':
    'Die klant is niet gevonden bij de klanten die u hebt verzonden, dus er is niets om opnieuw toe te voegen. Typ "klant toevoegen" om een nieuwe klant te beginnen.',
  'addAgain.pending': 'Partnercentrum maakt {legalName} nog aan; ik meld het hier zodra dat klaar is.',
  'addAgain.created':
    'Partnercentrum heeft {legalName} niet geweigerd, dus er is niets om opnieuw toe te voegen.',
  'addAgain.addedAgain':
    'Deze klant is al opnieuw toegevoegd, als {legalName}, dus vanuit dit bericht valt er niets meer toe te voegen.',
  'addAgain.personalOnly':
    'Een geweigerde klant voegt u opnieuw toe in uw persoonlijke chat met mij, waar het bericht staat.',
  'flow.outdatedDraft':
    'Uw concept is begonnen met een eerdere versie van deze bot en kan niet worden voortgezet, dus het is verwijderd; er is niets verzonden. Typ "klant toevoegen" om opnieuw te beginnen.',
  'flow.unknownText':
    'Dat heb ik niet begrepen. Typ "klant toevoegen" om een nieuwe klant toe te voegen, of "hulp" om te zien wat ik voor u kan doen.',
  'card.stale': 'Die kaart is niet meer actief, dus er is niets gewijzigd. Gebruik de nieuwste kaart.',
  'card.staleNoFlow':
    'Die kaart hoort bij een concept dat is afgerond of verwijderd, dus er is niets gewijzigd. Typ "klant toevoegen" om opnieuw te beginnen.',
  'card.staleShared':
    'Dat is niet de kaart die op u wacht (in een gedeelde chat heeft iedereen een eigen concept), dus er is niets gewijzigd. Gebruik uw nieuwste kaart, of typ "klant toevoegen" om een eigen concept te beginnen.',
  'turn.overtaken':
    'Dat kwam binnen terwijl ik een ander bericht van u beantwoordde, dus er is niets gewijzigd. Ga verder met de nieuwste kaart.',
  'card.typedText':
    'Ik wacht op uw antwoord op de kaart hieronder: gebruik de knoppen op die kaart. Typ "hulp" voor uitleg of "annuleren" om het concept te verwijderen.',
  'card.inputTooLong':
    'Dit is langer dan dit veld toestaat (maximaal {max} tekens), dus het is niet bewaard. Voer het opnieuw in.',
  'card.unreadable': 'Ik kon niet lezen wat die kaart heeft verstuurd. Vul de kaart hieronder opnieuw in.',
  'language.changed': 'Vanaf nu spreek ik Nederlands met u.',
  'cancel.nothing':
    'Er is geen concept om te annuleren. Typ "klant toevoegen" om een nieuwe klant toe te voegen.',
  'cancel.done':
    'Het concept is verwijderd; er is niets opgeslagen. Typ "klant toevoegen" om opnieuw te beginnen.',
  'cancel.kept': 'Het concept blijft bewaard. Ga verder waar u was gebleven.',
  'accountInfo.countryChanged':
    'Het formulier volgt nu de adresregels voor {country}. Controleer de velden en ga dan verder.',
  'accountInfo.checkFields': 'Enkele velden moeten worden aangepast; zie de berichten onder elk veld.',
  'existing.found': 'Dit is al een klant van u, dus er is niets toegevoegd.',
  'accountInfo.alreadyYours':
    '{legalName} is al een van uw klanten (de klantgegevens staan hierboven). Bedoelde u een ander bedrijf, corrigeer dan de wettelijke naam; typ anders "annuleren".',
  'done.created': '{legalName} is toegevoegd aan uw klanten.',
  'status.pendingVerification': 'Verificatie in behandeling',
  'status.active': 'Actief',
  'status.verificationFailed': 'Verificatie mislukt',
  'done.next.verification':
    'Microsoft controleert nieuwe klantaccounts; aankopen wachten tot de verificatie is afgerond, wat meestal een paar uur duurt.',
  'done.next.admin':
    'Stuur de klant de aanmeldingsnaam van de beheerder: {adminSignInName}. Het tijdelijke wachtwoord komt uit Partnercentrum.',
  'done.next.mcaPending':
    'De klant moet de Microsoft-klantovereenkomst nog accepteren in het Microsoft 365-beheercentrum voordat er iets kan worden besteld.',
  'done.next.subscriptions': 'De abonnementen worden besteld zodra de verificatie is afgerond.',
  'fact.legalName': 'Wettelijke naam',
  'fact.domain': 'Domein',
  'fact.country': 'Land of regio',
  'fact.address': 'Adres',
  'fact.registrationNumber': 'Registratienummer',
  'fact.language': 'Taal',
  'fact.culture': 'Cultuur',
  'fact.existingCustomerCheck': 'Controle op bestaande klant',
  'fact.primaryContact': 'Primaire contactpersoon',
  'fact.mca': 'Microsoft-klantovereenkomst',
  'fact.mcaAcceptedBy': 'Geaccepteerd door',
  'fact.mcaAcceptedOn': 'Geaccepteerd op',
  'fact.reseller': 'Indirecte reseller',
  'fact.subscriptions': 'Abonnementen',
  'value.mcaAttested': 'De klant heeft de overeenkomst geaccepteerd',
  'value.mcaCustomerWillAccept':
    'De klant accepteert de overeenkomst later zelf in het Microsoft 365-beheercentrum',
  'value.noReseller': 'Geen reseller: directe klant',
  'value.resellerNotChosen': 'Nog niet gekozen',
  'value.notAmongYourCustomers':
    'Nog geen klant van u. Of deze klant al een Microsoft-tenant heeft bij een andere partner, is hier niet te zien.',
  'value.noSubscriptions': 'Nog geen',
  'value.subscriptionLine': {
    plural: 'count',
    one: '{count} licentie, {term}, {billingCycle} gefactureerd',
    other: '{count} licenties, {term}, {billingCycle} gefactureerd',
  },
  'value.reseller': '{name} (MPN-id {mpnId})',
  'summary.accountInfo': 'Accountgegevens verzonden',
  'summary.mca': 'Klantovereenkomst verzonden',
  'summary.reseller': 'Reseller gekozen',
  'summary.subscriptions': 'Abonnementen gekozen',
  'summary.review': 'Verzonden ter controle',
  'summary.cancel': 'Vraag over annuleren beantwoord',
};
