import { latinSkeleton } from './confusables';
import { nameTokens, splitLegalForm } from './legalForms';

/**
 * The key under which two legal names count as the same customer: case, punctuation, accents,
 * spacing and a trailing legal form are ignored, so "Contoso B.V.", "contoso bv", "CONTOSO  BV." and
 * "Contoso" all give "contoso", and "Müller GmbH" equals "Muller GmbH". Look-alike letters and
 * invisible characters are read as what they imitate (latinSkeleton): "Cоntoso B.V." with a Cyrillic
 * о, "Contοso" with a Greek ο and "Con<zero width space>toso" give "contoso" too. A name without
 * look-alikes or invisible characters keeps the key it always had (the reservations are stored
 * under it): for plain ASCII the skeleton only changes case, which the key ignores.
 */
export function normaliseName(legalName: string): string {
  const skeleton = latinSkeleton(legalName);
  const { core } = splitLegalForm(skeleton);
  return (core.length > 0 ? core : nameTokens(skeleton)).join(' ');
}
