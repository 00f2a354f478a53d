import type { CountriesInSentence } from '../catalogue';

/** Countries English names with "the" inside a sentence: "in the Netherlands". */
export const countriesInSentence: CountriesInSentence = {
  NL: 'the Netherlands',
  GB: 'the United Kingdom',
  US: 'the United States',
  AE: 'the United Arab Emirates',
};
