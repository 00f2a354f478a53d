import type { Translation } from '../catalogue';
import type { partnerCenter as english } from '../en/partnerCenter';

export const partnerCenter: Translation<typeof english> = {
  'accountInfo.existingTenant':
    '{domain} staat al in de directory van Microsoft: deze klant heeft al een Microsoft-tenant, dus vraag in plaats daarvan een relatie aan (zie de kaart hierboven). Is {domain} niet het eigen domein van de klant, corrigeer dan het e-mailadres; typ anders "annuleren".',
  'existingTenant.found':
    'Deze klant heeft al een Microsoft-tenant: vraag in plaats daarvan een relatie aan.',
  'accountInfo.addressUnverified':
    'Partnercentrum kon dit adres niet verifiëren. Kies een van de voorstellen, houd het adres zoals u het typte, of corrigeer het en kies opnieuw Volgende.',
  'accountInfo.addressUnverifiedNoSuggestion':
    'Partnercentrum kon dit adres niet verifiëren en heeft geen voorstel. Controleer het; klopt het, houd het dan zoals u het typte en kies opnieuw Volgende.',
  'card.accountInfo.addressChoice': 'Te gebruiken adres',
  'card.accountInfo.addressChoice.required': 'Kies het adres dat u wilt gebruiken.',
  'card.accountInfo.addressChoice.suggested': 'Voorstel: {address}',
  'card.accountInfo.addressChoice.typed': 'Mijn adres houden: {address}',
  'done.next.partnerCenter':
    'Partnercentrum maakt de klant nu aan. Zodra de klant bestaat, meld ik dat in onze persoonlijke chat, met het tijdelijke wachtwoord van {adminSignInName}.',
  'value.notAmongYourCustomersNorTenant':
    'Niet bij uw klanten, en Partnercentrum vond geen Microsoft-tenant met de domeinen van de klant.',
  'value.notAmongYourCustomersTenantUnchecked':
    'Niet bij uw klanten. Partnercentrum antwoordde niet toen de accountgegevens werden gecontroleerd; of de klant al een Microsoft-tenant heeft en of het adres geldig is, blijkt pas wanneer Partnercentrum de klant aanmaakt.',
  'domainPrefix.takenInDirectory':
    '"{domain}" bestaat al in de directory van Microsoft. Is het de eigen tenant van deze klant, voeg de klant dan niet opnieuw toe: vraag in Partnercentrum een relatie aan (Klanten, Een relatie met een reseller aanvragen). Kies anders een andere domeinnaam; deze zijn nog vrij: {suggestions}.',
  'card.done.summaryPartnerCenter':
    '{legalName} is opgeslagen als uw klant, en Partnercentrum maakt de klant nu aan.',
  'done.createdPartnerCenter':
    '{legalName} is opgeslagen als uw klant; Partnercentrum maakt de klant nu aan.',
  'card.relationship.title': 'Heeft al een Microsoft-tenant',
  'card.relationship.found':
    '{legalName} gebruikt {domain}, dat al in de directory van Microsoft staat: de klant heeft al een Microsoft-tenant, misschien via een andere partner.',
  'card.relationship.instead':
    'Voeg de klant niet opnieuw toe. Vraag in plaats daarvan een relatie aan: een globale beheerder van de klant accepteert die, en daarna staat de klant onder Klanten in Partnercentrum.',
  'card.relationship.steps':
    'Stuur deze koppeling in een eigen e-mail naar een globale beheerder van de klant. U mag er tekst omheen schrijven, maar laat de koppeling precies zoals hij is:',
  'card.relationship.noLink':
    'Partnercentrum gaf de koppeling nu niet. Open in Partnercentrum Klanten en kies Een relatie met een reseller aanvragen.',
  'card.relationship.nothingAdded': 'Er is niets toegevoegd.',
};
