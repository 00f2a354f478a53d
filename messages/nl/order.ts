import type { Translation } from '../catalogue';
import type { order as english } from '../en/order';

/** Sentences about offers, resellers and orders. */
export const order: Translation<typeof english> = {
  'order.empty': 'Kies ten minste één aanbieding en voer het aantal licenties daarvoor in.',
  'order.mcaPending':
    'Er kunnen nog geen abonnementen worden besteld: bestellen kan pas als de klant de Microsoft-klantovereenkomst heeft geaccepteerd in het Microsoft 365-beheercentrum. Verwijder de aanbiedingen om de klant zonder abonnementen toe te voegen, of ga terug naar Accountgegevens en bevestig dat de klant de overeenkomst heeft geaccepteerd.',
  'order.unreadable': 'De lijst met aanbiedingen kon niet worden gelezen. Kies de aanbiedingen opnieuw.',
  'order.line.offerMissing': 'Kies een aanbieding op regel {line}.',
  'order.offer.unknown':
    'Er is geen aanbieding "{offerId}" in de catalogus. Kies een aanbieding uit de lijst.',
  'order.offer.duplicate':
    '{offerName} staat meer dan eens in de bestelling. Houd één regel over en voer daar het totale aantal licenties in.',
  'order.offer.notSoldInCountry':
    '{offerName} wordt niet verkocht in {country}. Verwijder de aanbieding uit de bestelling of kies een andere aanbieding.',
  'order.quantity.missing': 'Voer het aantal licenties voor {offerName} in: {min} tot en met {max}.',
  'order.quantity.missingExactly': {
    plural: 'min',
    one: 'Voer het aantal licenties voor {offerName} in: deze aanbieding wordt besteld met precies {min} licentie.',
    other:
      'Voer het aantal licenties voor {offerName} in: deze aanbieding wordt besteld met precies {min} licenties.',
  },
  'order.quantity.notWhole':
    'Voer het aantal licenties voor {offerName} in als een geheel getal van {min} tot en met {max}; u hebt {value} ingevoerd.',
  'order.quantity.notWholeExactly': {
    plural: 'min',
    one: 'Voer het aantal licenties voor {offerName} in als een geheel getal: deze aanbieding wordt besteld met precies {min} licentie; u hebt {value} ingevoerd.',
    other:
      'Voer het aantal licenties voor {offerName} in als een geheel getal: deze aanbieding wordt besteld met precies {min} licenties; u hebt {value} ingevoerd.',
  },
  'order.quantity.outOfRange':
    '{offerName} kan worden besteld met {min} tot en met {max} licenties; u hebt {value} ingevoerd.',
  'order.quantity.exactly': {
    plural: 'min',
    one: '{offerName} wordt besteld met precies {min} licentie; u hebt {value} ingevoerd.',
    other: '{offerName} wordt besteld met precies {min} licenties; u hebt {value} ingevoerd.',
  },
  'order.tooManyLines':
    'Een bestelling heeft maximaal {max} regels. Verwijder een regel voordat u er een toevoegt; zodra de klant is toegevoegd, kan die meer abonnementen kopen in Partnercentrum.',
  'order.search.noMatch':
    'Geen enkele aanbieding die in {country} wordt verkocht, komt overeen met "{query}". Probeer een deel van de naam, de productfamilie of de SKU.',
  // {term} is "1 jaar", {billingCycle} "maandelijks": "1 licentie, 1 jaar, maandelijks gefactureerd".
  'order.line.added': {
    plural: 'count',
    one: '{offerName} toegevoegd: {count} licentie, {term}, {billingCycle} gefactureerd.',
    other: '{offerName} toegevoegd: {count} licenties, {term}, {billingCycle} gefactureerd.',
  },
  'order.line.addedNeedsBase': {
    plural: 'count',
    one: '{offerName} toegevoegd: {count} licentie, {term}, {billingCycle} gefactureerd. Dit is een invoegtoepassing: voeg ook een van de bijbehorende basisaanbiedingen toe voordat u verdergaat.',
    other:
      '{offerName} toegevoegd: {count} licenties, {term}, {billingCycle} gefactureerd. Dit is een invoegtoepassing: voeg ook een van de bijbehorende basisaanbiedingen toe voordat u verdergaat.',
  },
  'order.line.changed': {
    plural: 'count',
    one: '{offerName} gewijzigd in {count} licentie, {term}, {billingCycle} gefactureerd.',
    other: '{offerName} gewijzigd in {count} licenties, {term}, {billingCycle} gefactureerd.',
  },
  'order.line.removed': '{offerName} is uit de bestelling verwijderd.',
  'order.addOn.needsBase': 'Er moet ook een van de bijbehorende basisaanbiedingen in de bestelling staan.',
  'order.addOn.baseMissing':
    '{offerName} is een invoegtoepassing en vereist een van deze aanbiedingen in de bestelling: {baseOffers}. Voeg er een toe, of verwijder {offerName}.',
  'order.term.notOffered': '{offerName} is niet te koop met een looptijd van {term}; kies {terms}.',
  'order.billingCycle.notOffered':
    '{offerName} kan niet {billingCycle} worden gefactureerd, wel {billingCycles}.',
  'order.billingCycle.longerThanTerm':
    'Een looptijd van {term} kan niet {billingCycle} worden gefactureerd; {offerName} kan {billingCycles} worden gefactureerd.',
  'order.term.noBillingCycle':
    '{offerName} heeft geen factureringsfrequentie die past bij een looptijd van {term}; kies {terms}.',
  'order.removed.mcaPending':
    '{offerName} is uit de bestelling verwijderd: er kan niets worden besteld totdat de klant de Microsoft-klantovereenkomst heeft geaccepteerd in het Microsoft 365-beheercentrum.',
  'order.removed.notSoldInCountry':
    '{offerName} is uit de bestelling verwijderd: deze aanbieding wordt niet verkocht in {country}.',
  'order.removed.baseRemoved':
    '{offerName} is uit de bestelling verwijderd: dit is een invoegtoepassing en de bijbehorende basisaanbieding is verwijderd ({baseOffers}).',
  'order.removed.baseMissing':
    '{offerName} is uit de bestelling verwijderd: dit is een invoegtoepassing die een van deze aanbiedingen in de bestelling vereist: {baseOffers}.',
  'order.removed.unknown':
    'De aanbieding "{offerId}" is uit de bestelling verwijderd: deze staat niet meer in de catalogus.',
  'order.removed.duplicate': '{offerName} stond twee keer in de bestelling; de tweede regel is verwijderd.',
  'order.term.P1M': '1 maand',
  'order.term.P1Y': '1 jaar',
  'order.term.P3Y': '3 jaar',
  // Read before "gefactureerd": "maandelijks gefactureerd", "om de drie jaar gefactureerd".
  'order.billingCycle.monthly': 'maandelijks',
  'order.billingCycle.annual': 'jaarlijks',
  'order.billingCycle.triennial': 'om de drie jaar',
  'order.billingCycle.choice.monthly': 'Maandelijks gefactureerd',
  'order.billingCycle.choice.annual': 'Jaarlijks gefactureerd',
  'order.billingCycle.choice.triennial': 'Om de drie jaar gefactureerd',
  'order.list.or': '{items} of {last}',
  'order.list.and': '{items} en {last}',
  'reseller.unknown':
    'Er is geen indirecte reseller "{resellerId}". Zoek op een deel van de naam of op MPN-id en kies er een uit de resultaten.',
  'reseller.notInCountry':
    '{resellerName} (MPN-id {mpnId}) werkt niet met klanten in {country} en kan daarom niet voor deze klant worden gekozen. Kies een reseller die actief is in {country}, of geen reseller om er een directe klant van te maken.',
  'reseller.inactive':
    'De relatie met {resellerName} (MPN-id {mpnId}) is niet actief, dus deze reseller kan niet worden gekozen. Kies een actieve reseller, of geen reseller om er een directe klant van te maken.',
  'reseller.search.noMatch':
    'Geen enkele actieve indirecte reseller komt overeen met "{query}". Probeer een deel van de naam of de MPN-id, of kies geen reseller om er een directe klant van te maken.',
};
