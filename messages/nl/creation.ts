import type { Translation } from '../catalogue';
import type { creation as english } from '../en/creation';

export const creation: Translation<typeof english> = {
  'card.creation.created.title': '{legalName} staat nu in Partnercentrum',
  'card.creation.created.summary':
    '{legalName} staat nu in Partnercentrum. Open dit bericht voor de aanmeldgegevens van de eerste globale beheerder.',
  'card.creation.created.intro':
    'Partnercentrum heeft de klant en de Microsoft-tenant gemaakt. De eerste globale beheerder van de tenant meldt zich aan met het tijdelijke wachtwoord hieronder.',
  'card.creation.fact.domain': 'Domein van de tenant',
  'card.creation.fact.customerId': 'Klant-id in Partnercentrum',
  'card.creation.fact.adminSignInName': 'Aanmeldingsnaam globale beheerder',
  'card.creation.password': 'Tijdelijk wachtwoord',
  'card.creation.created.passwordOnce':
    '**Kopieer het wachtwoord nu.** Het staat alleen in dit bericht: de bot bewaart het niet. Geef het veilig aan de klant, niet in hetzelfde bericht als de aanmeldingsnaam.',
  'card.creation.created.passwordChange':
    'De beheerder moet het bij de eerste aanmelding wijzigen. Is het kwijtgeraakt, stel het dan opnieuw in via het Microsoft 365-beheercentrum.',
  'card.creation.created.agreementAttested':
    'De acceptatie van de Microsoft-klantovereenkomst wordt naar Partnercentrum gestuurd.',
  'card.creation.created.agreementByCustomer':
    'De globale beheerder van de klant accepteert de Microsoft-klantovereenkomst in het Microsoft 365-beheercentrum; tot dan kan er niets worden besteld.',
  'card.creation.created.underReview':
    'Partnercentrum beoordeelt nieuwe klantaccounts: zolang de beoordeling van de klant loopt, wachten aankopen tot die is afgerond.',
  'card.creation.reason': 'Reden van Partnercentrum (in het Engels): "{description}" (code {code})',
  'card.creation.reasonWithoutCode': 'Reden van Partnercentrum (in het Engels): "{description}"',
  'card.creation.rejected.title': 'Partnercentrum heeft {legalName} geweigerd',
  'card.creation.rejected.summary': 'Partnercentrum heeft {legalName} geweigerd: er is niets gemaakt.',
  'card.creation.rejected.nothingCreated':
    'Er is niets gemaakt in Partnercentrum, en de bot houdt deze wettelijke naam en deze domeinnaam er niet meer voor vast. Kies Opnieuw toevoegen om een nieuw concept te beginnen met alles wat u had ingevoerd, corrigeer wat Partnercentrum noemt (een andere domeinnaam, als het domein in gebruik is) en verzend opnieuw.',
  'card.creation.rejected.addAgain': 'Opnieuw toevoegen',
  'card.creation.agreementRefused.title':
    'Partnercentrum heeft de acceptatie van de overeenkomst voor {legalName} geweigerd',
  'card.creation.agreementRefused.summary':
    'Partnercentrum heeft de acceptatie van de Microsoft-klantovereenkomst voor {legalName} geweigerd',
  'card.creation.agreementRefused.exists':
    'De klant bestaat in Partnercentrum, maar Partnercentrum heeft de acceptatie van de Microsoft-klantovereenkomst geweigerd die voor de klant is gestuurd.',
  'card.creation.agreementRefused.confirm':
    'Bevestig de acceptatie zelf in Partnercentrum: open de klant en bevestig daar de Microsoft-klantovereenkomst. Tot dan kan er niets worden besteld.',
};
