import { asText, asTextFact, asTextParams } from '../../cards/plainText';
import { say } from '../../messages/catalogue';
import { readerText } from './cardQueries';
import { elementNames, linkTargets, webChatHtml, webChatReaderText } from './webChatMarkdown';

/** What an agent could type into a name, an address or a contact field to get markup shown. */
const hostile = [
  '[click](http://evil.example) Fabrikam B.V.',
  '[click]( http://evil.example "title")',
  '![logo](http://evil.example/logo.png)',
  '[ref][1]\n\n[1]: http://evil.example',
  '<http://evil.example>',
  '<a href="http://evil.example">Fabrikam</a>',
  '<img src=x onerror=alert(1)>',
  'http://evil.example',
  'https://evil.example/login?next=/',
  'ftp://evil.example',
  '//evil.example/path',
  'www.evil.com',
  'Visit evil.com today',
  'evil.co.uk',
  'mailto:boss@evil.com',
  'boss@evil.com',
  'anna.jansen@evil.nl',
  '**Fabrikam** B.V.',
  '__Fabrikam__ B.V.',
  '*Fabrikam* _B.V._',
  '***Fabrikam***',
  '~~Fabrikam~~ B.V.',
  '`Fabrikam`',
  '```\nFabrikam\n```',
  '- Fabrikam',
  '+ Fabrikam',
  '* Fabrikam',
  '1. Fabrikam',
  '2) Fabrikam',
  '# Fabrikam',
  '###### Fabrikam',
  '> Fabrikam',
  '---',
  'Fabrikam\n===',
  'Fabrikam\n---',
  '| a | b |\n|---|---|\n| c | d |',
  '&lt;b&gt;Fabrikam&lt;/b&gt; &amp; &#65; &#x41;',
  '{{DATE(2017-02-14T06:00:00Z, SHORT)}}',
  'Fabrikam (c) (tm) (r) +- -- ... !!!! ???? ,,',
  'Fabrikam \\*B.V.\\*',
  'Fabrikam\\',
  'back\\\\slash',
];

/** Values as they usually are: none of them may gain a backslash. */
const ordinary = [
  'Northwind Traders B.V.',
  'Fabrikam Logistics N.V.',
  'Keizersgracht 12, 1015 CJ Amsterdam',
  'Café Brasileiro Ltda',
  'Avenida Paulista 1000',
  '01310-100',
  '+31 20 123 4567',
  '+91 98765 43210',
  '2026-11-20',
  "O'Brien & Zonen",
  'Smith & Sons (Holding) Ltd.',
  'Müller GmbH, Düsseldorf',
  '10 licences, 1 year, billed monthly',
  'No reseller: direct customer',
  'Adventure Works Cloud Partners (MPN ID 1234567)',
  'AAACB1234F',
];

/** The elements plain text becomes in Web Chat: a paragraph (and a line break within it). */
const plainElements = new Set(['p', 'br']);

describe('asText', () => {
  it.each(hostile)(
    'shows %j as text in Web Chat: no link, emphasis, list, heading, code or HTML',
    (typed) => {
      const html = webChatHtml(asText(typed));
      expect(linkTargets(html)).toEqual([]);
      expect(elementNames(html).filter((name) => !plainElements.has(name))).toEqual([]);
    },
  );

  it.each(hostile)('shows %j as typed: the reader sees exactly the characters', (typed) => {
    expect(webChatReaderText(asText(typed))).toBe(typed.replace(/\s+/g, ' ').trim());
    expect(readerText(asText(typed))).toBe(typed);
  });

  it.each(ordinary)('leaves %j as it is: nothing in it could become markup', (value) => {
    expect(asText(value)).toBe(value);
    expect(webChatReaderText(value)).toBe(value);
  });

  it('escapes a domain or an e-mail address once per word, so that no part of it is linked', () => {
    expect(asText('northwindnl.onmicrosoft.com')).toBe('northwindnl\\.onmicrosoft.com');
    expect(asText('anna.jansen@northwind.nl')).toBe('anna\\.jansen@northwind\\.nl');
    expect(asText('http://evil.example')).toBe('http\\://evil\\.example');
    expect(linkTargets(webChatHtml('northwindnl.onmicrosoft.com'))).toEqual([
      'http://northwindnl.onmicrosoft.com',
    ]);
  });

  it('escapes a list or heading marker only where a line starts, and every line of a value', () => {
    expect(asText('Unit 1. Floor - 2 # 3')).toBe('Unit 1. Floor - 2 # 3');
    expect(asText('1. one\n- two\n# three')).toBe('1\\. one\n\\- two\n\\# three');
  });

  it('drops an indentation that would make a code block, which markdown would not show anyway', () => {
    const html = webChatHtml(asText('Fabrikam\n\n    B.V.'));
    expect(elementNames(html)).toEqual(['p', 'p']);
    expect(webChatReaderText(asText('    Fabrikam'))).toBe('Fabrikam');
  });
});

describe('asTextParams', () => {
  it("escapes the values a sentence quotes, not the catalogue's own wording", () => {
    const typed = '[1015](http://evil.example)';
    const message = say(
      'address.postalCode.invalid',
      asTextParams({ value: typed, country: 'the Netherlands', example: '1234 AB' }),
    );
    expect(linkTargets(webChatHtml(message))).toEqual([]);
    expect(webChatReaderText(message)).toBe(
      say('address.postalCode.invalid', { value: typed, country: 'the Netherlands', example: '1234 AB' }),
    );
  });

  it('keeps numbers as numbers, so plural forms still choose by them', () => {
    expect(asTextParams({ count: 2, name: '*x*' })).toEqual({ count: 2, name: '\\*x\\*' });
    expect(
      say('value.subscriptionLine', asTextParams({ count: 1, term: '1 year', billingCycle: 'monthly' })),
    ).toBe('1 licence, 1 year, billed monthly');
  });
});

describe('asTextFact', () => {
  it('escapes the title and the value', () => {
    expect(asTextFact({ title: '_Offer_', value: '[x](http://evil.example)' })).toEqual({
      title: '\\_Offer\\_',
      value: '\\[x\\]\\(http\\://evil\\.example)',
    });
  });
});
