import { EVERY_COUNTRY, type Offer } from './schemas';

export function isSoldIn(offer: Offer, country: string): boolean {
  const code = country.trim().toUpperCase();
  return offer.countries.some((sold) => sold === EVERY_COUNTRY || sold === code);
}

/** The offers an agent may pick for a customer in `country`, by product family and then name. */
export function offersForCountry(offers: readonly Offer[], country: string): Offer[] {
  return offers
    .filter((offer) => isSoldIn(offer, country))
    .sort(
      (a, b) =>
        a.productFamily.localeCompare(b.productFamily, 'en', { sensitivity: 'base' }) ||
        a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
}
