import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareTemplate } from '../../cards/templateFiller';
import { expandWithLibrary } from './templatingLibrary';

/** Fills the template with the filler and with adaptivecards-templating; they must agree. */
function fill(template: unknown, data: unknown): unknown {
  const filled = prepareTemplate(template)(data);
  expect(filled).toStrictEqual(expandWithLibrary(template, data));
  return filled;
}

/** The value a whole-string expression gives in a property. */
const valueOf = (expression: string, data: unknown): unknown =>
  (fill({ value: expression }, data) as { value?: unknown }).value;

/** Whether an element with this `$when` is kept. */
const kept = (when: string, data: unknown): boolean =>
  (fill({ items: [{ $when: when, kept: true }] }, data) as { items: unknown[] }).items.length === 1;

describe('a whole-string expression', () => {
  it.each([
    ['text', 'Northwind'],
    ['an empty string', ''],
    ['a number', 42],
    ['zero', 0],
    ['true', true],
    ['false', false],
    ['an object', { title: 'Name', value: 'Northwind' }],
    ['an array', ['a', 'b']],
  ])('keeps the type of %s', (_, value) => {
    expect(valueOf('${x}', { x: value })).toStrictEqual(value);
  });

  it('follows a path into nested objects', () => {
    expect(valueOf('${values.address.city}', { values: { address: { city: 'Amsterdam' } } })).toBe(
      'Amsterdam',
    );
  });

  it('gives an undefined path back as its own text', () => {
    expect(valueOf('${values.address.state}', { values: {} })).toBe('${values.address.state}');
    expect(valueOf('${$root.t.update}', {})).toBe('${$root.t.update}');
  });

  it('leaves the property out when the value is null', () => {
    expect(fill({ a: '${x}', b: 'kept' }, { x: null })).toStrictEqual({ b: 'kept' });
  });

  it('leaves null out of an object or array taken from the data, at any depth', () => {
    const data = { x: { a: null, b: [1, null, { c: null, d: 2 }] } };
    expect(valueOf('${x}', data)).toStrictEqual({ b: [1, { d: 2 }] });
  });

  it('copies an object from the data, so the card does not share it', () => {
    const facts = [{ title: 'Name', value: 'Northwind' }];
    const value = valueOf('${facts}', { facts });
    expect(value).toStrictEqual(facts);
    expect(value).not.toBe(facts);
  });

  it('puts the items of an array value in place of an array item', () => {
    expect(fill({ list: ['first', '${more}', 'last'] }, { more: ['a', null, 'b'] })).toStrictEqual({
      list: ['first', 'a', 'b', 'last'],
    });
  });

  it('finds a property whatever its case, as the templating library does', () => {
    expect(valueOf('${T.Title}', { t: { title: 'Add customer' } })).toBe('Add customer');
  });

  it('reads nothing through an empty string or zero', () => {
    expect(valueOf('${x.y}', { x: '' })).toBe('${x.y}');
    expect(valueOf('${x.length}', { x: [1, 2] })).toBe('${x.length}');
  });

  it('evaluates a condition or a count as a value', () => {
    expect(valueOf("${x != ''}", { x: 'a' })).toBe(true);
    expect(valueOf("${x != ''}", {})).toBe(true);
    expect(valueOf('${count(rows)}', { rows: [1, 2, 3] })).toBe(3);
    expect(valueOf('${!x}', { x: false })).toBe(true);
  });

  it('counts the text of an undefined path, as the templating library substitutes it first', () => {
    expect(valueOf('${count(rows)}', {})).toBe('${rows}'.length);
  });

  it('chooses with if(), its branches substituted like any value', () => {
    const style = "${if(current, 'positive', 'default')}";
    expect(valueOf(style, { current: true })).toBe('positive');
    expect(valueOf(style, { current: false })).toBe('default');
    expect(valueOf(style, {})).toBe('default');
    expect(valueOf(style, { current: '' })).toBe('positive');
    expect(valueOf('${if(on, a, b)}', { on: true })).toBe('${a}');
  });

  it('fails the fill when the expression cannot be evaluated, as the library does', () => {
    const template = { value: '${count(x)}' };
    expect(() => prepareTemplate(template)({ x: 5 })).toThrow();
    expect(() => expandWithLibrary(template, { x: 5 })).toThrow();
  });
});

describe('an expression within text', () => {
  it('writes the value as text', () => {
    expect(valueOf('- ${$data}', 'point')).toBe('- point');
    expect(valueOf('${a} and ${b}', { a: 1, b: true })).toBe('1 and true');
    expect(valueOf('{${a}} }', { a: 'x' })).toBe('{x} }');
    expect(valueOf('${\ta\u00a0}', { a: 'x' })).toBe('x');
  });

  it('writes an undefined path as its own text', () => {
    expect(valueOf('Hello ${name}', {})).toBe('Hello ${name}');
  });

  it('fails the fill on a null value, as the library does', () => {
    const template = { value: 'Hello ${name}' };
    expect(() => prepareTemplate(template)({ name: null })).toThrow();
    expect(() => expandWithLibrary(template, { name: null })).toThrow();
  });
});

describe('$data', () => {
  const list = {
    type: 'Container',
    items: [
      { $data: '${rows}', type: 'TextBlock', text: '${name}', id: '${$index}', prompt: '${$root.promptId}' },
    ],
  };

  it('repeats the element for each item, with $index and $root', () => {
    expect(fill(list, { promptId: 'p1', rows: [{ name: 'a' }, { name: 'b' }] })).toStrictEqual({
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'a', id: 0, prompt: 'p1' },
        { type: 'TextBlock', text: 'b', id: 1, prompt: 'p1' },
      ],
    });
  });

  it('leaves the element out for an empty array', () => {
    expect(fill(list, { rows: [] })).toStrictEqual({ type: 'Container', items: [] });
  });

  it('makes one element of an object, in its context', () => {
    expect(fill(list, { promptId: 'p', rows: { name: 'only' } })).toStrictEqual({
      type: 'Container',
      items: [{ type: 'TextBlock', text: 'only', id: '${$index}', prompt: 'p' }],
    });
  });

  it('makes a property an array when it repeats more than once, an object when once', () => {
    const template = { card: { $data: '${rows}', text: '${$data}' } };
    expect(fill(template, { rows: ['a', 'b'] })).toStrictEqual({ card: [{ text: 'a' }, { text: 'b' }] });
    expect(fill(template, { rows: ['a'] })).toStrictEqual({ card: { text: 'a' } });
    expect(fill(template, { rows: [] })).toStrictEqual({});
  });

  it('repeats within a repeated element, $root still the whole data', () => {
    const template = {
      sections: [
        {
          $data: '${sections}',
          heading: '${heading}',
          facts: [{ $data: '${facts}', text: '- ${$data}', action: '${$root.t.update}' }],
        },
      ],
    };
    const data = {
      t: { update: 'Update' },
      sections: [
        { heading: 'A', facts: ['x', 'y'] },
        { heading: 'B', facts: [] },
      ],
    };
    expect(fill(template, data)).toStrictEqual({
      sections: [
        {
          heading: 'A',
          facts: [
            { text: '- x', action: 'Update' },
            { text: '- y', action: 'Update' },
          ],
        },
        { heading: 'B', facts: [] },
      ],
    });
  });

  it('repeats over the text of an undefined path, as the library does', () => {
    expect(fill({ items: [{ $data: '${rows}', text: '${$data}' }] }, {})).toStrictEqual({
      items: [{ text: '${rows}' }],
    });
  });

  it('keeps the item before for an undefined item, as the library does', () => {
    expect(
      fill({ items: [{ $data: '${rows}', text: '${$data}' }] }, { rows: ['a', undefined] }),
    ).toStrictEqual({
      items: [{ text: 'a' }, { text: 'a' }],
    });
  });

  it('does not copy the reserved keys into the card, and keeps $schema', () => {
    expect(fill({ $schema: 's', $root: 'r', $index: 1, $host: 'h', a: 1 }, {})).toStrictEqual({
      $schema: 's',
      a: 1,
    });
  });
});

describe('$when', () => {
  it('keeps the element for true only', () => {
    expect(kept('${on}', { on: true })).toBe(true);
    expect(kept('${on}', { on: false })).toBe(false);
    expect(kept('${on}', { on: 'yes' })).toBe(false);
    expect(kept('${on}', {})).toBe(false);
  });

  it('sees each repeated item', () => {
    const template = { items: [{ $data: '${rows}', $when: '${show}', text: '${name}' }] };
    expect(
      fill(template, {
        rows: [
          { show: true, name: 'a' },
          { show: false, name: 'b' },
        ],
      }),
    ).toStrictEqual({
      items: [{ text: 'a' }],
    });
  });

  it.each([
    ["${x != ''}", { x: 'message' }, true],
    ["${x != ''}", { x: '' }, false],
    ["${x != ''}", {}, true],
    ["${x != ''}", { x: null }, true],
    ["${x == ''}", { x: '' }, true],
    ["${x == ''}", {}, false],
    ['${x == 0}', { x: 0 }, true],
    ['${x == 0.3}', { x: 0.1 + 0.2 }, true],
    ["${x == 'a'}", { x: 'A' }, false],
    ['${count(rows) == 0}', { rows: [] }, true],
    ['${count(rows) == 0}', { rows: [1] }, false],
    ['${count(rows) == 0}', {}, false],
    ['${count(rows) == 0}', { rows: null }, false],
    ['${count(rows) == 0}', { rows: '' }, true],
    ['${count(rows) == 0}', { rows: {} }, true],
    ['${count(rows) > 0}', { rows: [1] }, true],
    ['${count(rows) > 0}', { rows: 7 }, false],
    ['${x > 0}', { x: 'text' }, false],
    ['${x > 0}', { x: null }, false],
    ["${x > 'a'}", { x: 'b' }, true],
    ['${!x}', { x: '' }, false],
    ['${!x}', { x: 0 }, false],
    ['${!x}', { x: false }, true],
    ['${!x}', { x: null }, true],
    ['${!x}', {}, true],
    ['${not(x)}', { x: true }, false],
    ['${not(count(x) > 0)}', { x: 5 }, true],
    ['${not(x) && y}', { x: false, y: true }, true],
    ['${not(x) && y}', { x: false, y: 'yes' }, true],
    ['${not(x) && y}', { x: false }, false],
    ['${x || not(y)}', { x: false, y: false }, true],
    ['${x || not(y)}', { x: false, y: true }, false],
    ['${x || count(y) > 0}', { y: 3 }, false],
    ['${a && b || c}', { c: true }, true],
    ['${a && (b || c)}', { c: true }, false],
    ['${!a == false}', { a: 'x' }, true],
    ["${if(a, b, 'x') == 'x'}", {}, true],
    ['${$index == 0}', {}, false],
  ])('%s with %j is %s', (when, data, expected) => {
    expect(kept(when, data)).toBe(expected);
  });
});

describe('a template the filler does not support', () => {
  it.each([
    ['an operator it does not know', { text: '${a + b}' }],
    ['a function it does not know', { text: "${join(list, ', ')}" }],
    ['a function name in another case', { text: '${Not(a)}' }],
    ['another comparison', { $when: '${count(a) < 1}' }],
    ['>=', { $when: '${count(a) >= 1}' }],
    ['a comparison of two paths', { $when: '${a == b}' }],
    ['a chained comparison', { $when: '${a == 1 == true}' }],
    ['an index', { text: '${rows[0]}' }],
    ['$host', { text: '${$host.name}' }],
    ['a count of anything but a path', { text: '${count(1)}' }],
    ['a condition within text', { text: "Shown: ${a != ''}" }],
    ['a literal alone', { text: "${'fixed'}" }],
    ['a $when of a literal', { $when: '${true}' }],
    ['a $when that is not an expression', { $when: 'always' }],
    ['a $when that is not a string', { $when: true }],
    ['a $when of text around an expression', { $when: 'is ${a}' }],
    ['a $data that is not an expression', { $data: [1, 2] }],
    ['a backtick', { text: '`code` ${a}' }],
    ['a backslash', { text: 'a\\b ${a}' }],
    ['a lone $', { text: 'costs $5 ${a}' }],
    ['an unclosed expression', { text: 'a ${b' }],
    ['an empty expression', { text: '${}' }],
    ['a line break within an expression', { text: '${a\n}' }],
    ['a quoted string with an escape', { text: "${if(a, 'it\\'s', 'b')}" }],
  ])('refuses %s when the template is prepared', (_, template) => {
    expect(() => prepareTemplate({ type: 'AdaptiveCard', body: [template] })).toThrow(
      /Card template \/body\/0/,
    );
  });
});

describe('the templates in cards/templates', () => {
  const directory = join(__dirname, '../../cards/templates');
  it.each(readdirSync(directory).filter((file) => file.endsWith('.json')))('%s is prepared', (file) => {
    expect(() => prepareTemplate(JSON.parse(readFileSync(join(directory, file), 'utf8')))).not.toThrow();
  });
});

describe('leaving nulls out of a value from the data', () => {
  it('keeps undefined, an empty array and a __proto__ key as properties', () => {
    const data = JSON.parse('{"x": {"__proto__": {"a": null, "b": 1}, "list": [], "u": 1}}') as {
      x: Record<string, unknown>;
    };
    data.x.u = undefined;
    const value = valueOf('${x}', data) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toStrictEqual({ b: 1 });
    expect(value.list).toStrictEqual([]);
    expect(Object.keys(value)).toContain('u');
  });
});
