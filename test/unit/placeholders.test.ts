import placeholderWordsFile from '../../services/customers/placeholderWords.json';
import { nameTokens } from '../../services/customers/legalForms';
import { checkPersonName } from '../../services/customers/person';
import {
  isPlaceholderName,
  isPlaceholderPersonName,
  parsePlaceholderWordsFile,
  PLACEHOLDER_PERSON_NAMES,
  PLACEHOLDER_WORDS,
} from '../../services/customers/placeholders';

describe('placeholder words data', () => {
  it('parses at load, with English and Dutch and the languages of the other countries', () => {
    const { languages } = parsePlaceholderWordsFile(placeholderWordsFile);
    expect(Object.keys(languages)).toEqual(
      expect.arrayContaining(['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'nb', 'tr']),
    );
  });

  it('reads words as name tokens, accents folded', () => {
    expect(PLACEHOLDER_WORDS).toContain('voorbeeld');
    expect(PLACEHOLDER_WORDS).toContain('przykladowa');
    expect(PLACEHOLDER_WORDS).toContain('ornek');
    expect(PLACEHOLDER_PERSON_NAMES).toContain('beheerder');
    expect(PLACEHOLDER_PERSON_NAMES).toContain('prenom');
    expect(PLACEHOLDER_PERSON_NAMES).toContain('kullanici');
  });

  const withEnglish = (changes: Record<string, unknown>) => ({
    version: 1,
    languages: {
      en: { ...placeholderWordsFile.languages.en, ...changes },
      nl: placeholderWordsFile.languages.nl,
    },
  });

  it.each([
    ['an unknown version', { ...withEnglish({}), version: 2 }, /version/],
    ['no Dutch', { version: 1, languages: { en: placeholderWordsFile.languages.en } }, /has no "nl"/],
    [
      'a test word of two words',
      withEnglish({ testWords: ['test company'] }),
      /"test company" is not one word/,
    ],
    ['a word without letters', withEnglish({ fillerWords: ['...'] }), /"\.\.\." is not one word/],
    ['a short company word', withEnglish({ companyWords: ['co'] }), /"co" is shorter than 3 letters/],
    [
      'a test word that is also a filler',
      withEnglish({ fillerWords: ['the', 'demo'] }),
      /"demo" is listed both as testWords and as filler/,
    ],
    ['a list it does not know', withEnglish({ realWords: ['contoso'] }), /realWords/],
    ['a language code that is none', { ...withEnglish({}), languages: { EN: {} } }, /languages\.EN/],
  ])('is refused loudly when it has %s', (_what, data, message) => {
    expect(() => parsePlaceholderWordsFile(data)).toThrow(message);
  });
});

describe('test names joined into one word', () => {
  it.each(['testbedrijf', 'voorbeeldbedrijf', 'beispielfirma', 'testcompany', 'democlient2', 'test123'])(
    'reads %j as a test name',
    (token) => {
      expect(isPlaceholderName([token])).toBe(true);
    },
  );

  it.each(['contest', 'testa', 'demolition', 'proeftuin', 'voorbeeldig', 'protestants', 'bedrijfstest'])(
    'does not read %j as one',
    (token) => {
      expect(isPlaceholderName([token])).toBe(false);
    },
  );

  it('counts a weak test word only next to a real one', () => {
    expect(isPlaceholderName(nameTokens('Foo Bar'))).toBe(true);
    expect(isPlaceholderName(nameTokens('Bar'))).toBe(false);
    expect(isPlaceholderName(nameTokens('De Bar'))).toBe(false);
  });
});

describe('placeholder first and last names in every language', () => {
  it.each([
    'test',
    'Beheerder',
    'Systeembeheerder',
    'niemand',
    'Gebruiker',
    'Voornaam',
    'Achternaam',
    'Onbekend',
    'N.v.t.',
    'Benutzer',
    'Vorname',
    'Mustermann',
    'Prénom',
    'Utilisateur',
    'Usuario',
    'Apellido',
    'Cognome',
    'Nazwisko',
    'Efternamn',
    'Kullanıcı',
  ])('refuses %j as a first and as a last name', (name) => {
    expect(isPlaceholderPersonName(name)).toBe(true);
    expect(checkPersonName(name, 'firstName')).toMatchObject({
      ok: false,
      key: 'person.firstName.placeholder',
    });
    expect(checkPersonName(name, 'lastName')).toMatchObject({
      ok: false,
      key: 'person.lastName.placeholder',
    });
  });

  it.each(['Jansen', 'De Vries', 'Testa', 'Sample', 'Bar', 'Ad', 'Nom', 'Proef', 'Müller', 'Niemeijer'])(
    'accepts %j, a real name',
    (name) => {
      expect(checkPersonName(name, 'lastName').ok).toBe(true);
    },
  );
});
