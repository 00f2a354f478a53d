import type { CountriesInSentence } from '../catalogue';

/** Landen die in een Nederlandse zin een lidwoord krijgen: "in het Verenigd Koninkrijk". */
export const countriesInSentence: CountriesInSentence = {
  GB: 'het Verenigd Koninkrijk',
  US: 'de Verenigde Staten',
  AE: 'de Verenigde Arabische Emiraten',
};
