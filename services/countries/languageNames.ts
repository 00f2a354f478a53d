/**
 * English names of languages and cultures, for people rather than codes: "nl" -> "Dutch",
 * "nl-NL" -> "Dutch (Netherlands)", "en-US" -> "English (United States)". Read from the ICU data
 * Node.js ships (Intl.DisplayNames), so no list of our own goes stale.
 */
const displayNames = new Intl.DisplayNames(['en'], {
  type: 'language',
  // "English (United States)", not "American English": the country is always named the same way.
  languageDisplay: 'standard',
  fallback: 'code',
});

function nameOf(code: string): string {
  const tag = code.trim().replace(/_/g, '-');
  if (tag === '') return code;
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    // Not a well-formed language tag: show it as it was given.
    return code.trim();
  }
}

/** "nl" -> "Dutch"; a code ICU does not know comes back as given. */
export function languageName(code: string): string {
  return nameOf(code);
}

/** "nl-NL" -> "Dutch (Netherlands)", "en-US" -> "English (United States)"; an unknown code comes back as given. */
export function cultureName(code: string): string {
  return nameOf(code);
}
