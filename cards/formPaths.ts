import { z } from 'zod';

/**
 * A card's inputs as the agent left them, keyed by input id. Input ids are the domain's field paths
 * ("address.postalCode"), so the same key names a value, the service's error and the card's input.
 */
export type FormValues = Record<string, string>;

/** Keys that would reach an object's prototype instead of a field of its own. */
const unsafeKeys = new Set(['__proto__', 'prototype', 'constructor']);

/** "address.postalCode": "1015 CJ" -> { address: { postalCode: "1015 CJ" } }: what the service validates. */
export function nestedForm(values: FormValues): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    if (keys.some((key) => unsafeKeys.has(key) || key === '')) continue;
    let node = form;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node[key] = typeof next === 'object' && next !== null ? next : {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return form;
}

/** The reverse: a valid value as the card shows it. Absent optional fields become ''. */
export function flatForm(value: unknown, prefix = ''): FormValues {
  const values: FormValues = {};
  if (value === null || typeof value !== 'object') return values;
  for (const [key, entry] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (entry !== null && typeof entry === 'object') Object.assign(values, flatForm(entry, path));
    else if (entry !== undefined && entry !== null) values[path] = String(entry);
  }
  return values;
}

/**
 * The text inputs of a submit whose ids the card has. Anything that is not text (a forged or
 * malformed submit) counts as not given; the service then says what is missing.
 */
export function formValuesSchema(isInput: (id: string) => boolean) {
  return z.record(z.string(), z.unknown()).transform((submitted) => {
    const values: FormValues = {};
    for (const [id, entry] of Object.entries(submitted)) {
      if (!isInput(id)) continue;
      if (typeof entry === 'string') values[id] = entry;
      else if (typeof entry === 'number' && Number.isFinite(entry)) values[id] = String(entry);
    }
    return values;
  });
}

/** The ids of a card template's inputs (those written out, not made by an expression). */
export function templateInputIds(template: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      if (typeof element.id === 'string' && !element.id.includes('${')) ids.add(element.id);
    }
    Object.values(element).forEach(visit);
  };
  visit(template);
  return [...ids];
}

/** Every input of the card with a value ('' where none), as the template reads them: nested. */
export function templateValues(
  ids: readonly string[],
  values: Readonly<FormValues>,
): Record<string, unknown> {
  return nestedForm(Object.fromEntries(ids.map((id) => [id, values[id] ?? ''])));
}
