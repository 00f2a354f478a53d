import fc from 'fast-check';

/** Text a hostile user types: any Unicode (controls, bidi overrides, zero-width), markup, very long. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u001b[31m',
    '\u0007',
    '\u202eB.V. ofsnoC',
    'Con\u200btoso',
    'Cоntoso',
    '[click](http://evil.example) Fabrikam B.V.',
    '<script>alert(1)</script>',
    '${promptId}',
    "'; DROP TABLE customers; --",
    '../../etc/passwd',
  ),
  fc.nat({ max: 3000 }).map((length) => 'x'.repeat(length)),
);

/** A value in a card submit: usually text, sometimes what a forged submit sends instead. */
export const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
