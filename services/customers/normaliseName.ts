import { nameTokens, splitLegalForm } from './legalForms';

/**
 * The key under which two legal names count as the same customer: case, punctuation, accents,
 * spacing and a trailing legal form are ignored, so "Contoso B.V.", "contoso bv", "CONTOSO  BV." and
 * "Contoso" all give "contoso", and "Müller GmbH" equals "Muller GmbH".
 */
export function normaliseName(legalName: string): string {
  const { core } = splitLegalForm(legalName);
  return (core.length > 0 ? core : nameTokens(legalName)).join(' ');
}
