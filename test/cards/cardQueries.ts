/**
 * Finding things in rendered card JSON. Texts and facts come back as a reader sees them: TextBlock
 * text and facts are markdown, in which the cards escape what was typed (cards/plainText.ts), so the
 * escapes are undone here. Whether a card holds markup is checked on the markdown itself
 * (test/cards/plainText.test.ts, test/cards/typedMarkup.test.ts).
 */

/** Markdown as its reader sees it when it holds no markup: CommonMark's backslash escapes undone. */
export function readerText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every object in the card (elements, actions, choices, facts, data), depth first. */
export function allObjects(node: unknown): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      found.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(node);
  return found;
}

export function elementsOfType(card: unknown, type: string): JsonObject[] {
  return allObjects(card).filter((node) => node.type === type);
}

export function inputs(card: unknown): JsonObject[] {
  return allObjects(card).filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.'));
}

export function input(card: unknown, id: string): JsonObject {
  const found = inputs(card).filter((node) => node.id === id);
  if (found.length !== 1) throw new Error(`Expected one input "${id}", found ${found.length}`);
  return found[0]!;
}

export function hasInput(card: unknown, id: string): boolean {
  return inputs(card).some((node) => node.id === id);
}

/** The element right after the input with this id, in the same list (where its message goes). */
export function elementAfterInput(card: unknown, id: string): JsonObject | undefined {
  for (const node of allObjects(card)) {
    for (const list of Object.values(node).filter(Array.isArray)) {
      const index = list.findIndex((item) => isObject(item) && item.id === id);
      if (index >= 0) return list[index + 1] as JsonObject | undefined;
    }
  }
  return undefined;
}

export function submitActions(card: unknown): JsonObject[] {
  return elementsOfType(card, 'Action.Submit');
}

export function submitData(card: unknown): JsonObject[] {
  return submitActions(card).map((action) => action.data as JsonObject);
}

export function texts(card: unknown): string[] {
  return elementsOfType(card, 'TextBlock').map((block) => readerText(String(block.text)));
}

/** Every string a user sees: texts, labels, placeholders, titles (buttons, choices, facts), fact values, error messages. */
export function visibleStrings(card: unknown): string[] {
  const strings: string[] = [];
  const markdown = new Set<JsonObject>(elementsOfType(card, 'TextBlock'));
  for (const set of elementsOfType(card, 'FactSet'))
    if (Array.isArray(set.facts)) set.facts.filter(isObject).forEach((fact) => markdown.add(fact));
  for (const node of allObjects(card)) {
    // An input's or a choice's value is the customer's data or an id, not a sentence; a fact's value is shown.
    const keys = ['text', 'label', 'placeholder', 'title', 'errorMessage', ...(node.type ? [] : ['value'])];
    for (const key of keys) {
      const value = node[key];
      if (typeof value !== 'string') continue;
      if (key === 'value' && !markdown.has(node)) continue;
      strings.push(markdown.has(node) ? readerText(value) : value);
    }
  }
  return strings;
}

/** Red text: a problem the agent has to fix. */
export function attentionTexts(card: unknown): string[] {
  return elementsOfType(card, 'TextBlock')
    .filter((block) => block.color === 'Attention')
    .map((block) => readerText(String(block.text)));
}

/** The card's top-level TextBlocks before its first input or container of inputs: notices and general problems. */
export function textsAboveTheForm(card: { body?: unknown[] }): string[] {
  const top: string[] = [];
  for (const element of card.body ?? []) {
    if (inputs(element).length > 0) break;
    top.push(...texts(element));
  }
  return top;
}

/** The buttons whose data has this action (or command). */
export function buttons(card: unknown, action: string): JsonObject[] {
  return submitActions(card).filter((button) => {
    const data = button.data as JsonObject | undefined;
    return data?.action === action || data?.command === action;
  });
}

/** The one button with this action. */
export function button(card: unknown, action: string): JsonObject {
  const found = buttons(card, action);
  if (found.length !== 1) throw new Error(`Expected one "${action}" button, found ${found.length}`);
  return found[0]!;
}

/** Facts of every FactSet of the card, in order. */
export function facts(card: unknown): { title: string; value: string }[] {
  return elementsOfType(card, 'FactSet').flatMap((set) =>
    (set.facts as { title: string; value: string }[]).map(({ title, value }) => ({
      title: readerText(title),
      value: readerText(value),
    })),
  );
}
