import { EVERY_COUNTRY, type Offer } from './schemas';

export function isSoldIn(offer: Offer, country: string): boolean {
  const code = country.trim().toUpperCase();
  return offer.countries.some((sold) => sold === EVERY_COUNTRY || sold === code);
}
