import type * as AdaptiveCards from 'adaptivecards';

// The package's main entry is ESM-only in practice; its UMD bundle loads in Node and jest. Parsing
// and validating need no DOM (only render() does).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** The highest Adaptive Card version Teams renders. */
const maxVersion = { major: 1, minor: 5 };

/**
 * Every problem found in an Adaptive Card (empty: valid). Combines the adaptivecards library's own
 * checks (parse events and `validateProperties()`: unknown element and action types, bad property
 * values, properties newer than 1.5, duplicate ids, inputs without id, required inputs without
 * label or error message, choices without title or value) with what the library does not check:
 * a `${` left by templating, a version above 1.5, an empty TextBlock or TextRun, an Image without
 * url, an empty FactSet, an input without id or label, duplicate input ids, an action without a
 * title, an Action.Submit whose data has neither `promptId` + `action` nor `command`, and any
 * Action.Execute (the Emulator and Web Chat do not support it).
 */
export function validateAdaptiveCard(card: unknown): string[] {
  if (!isObject(card)) return ['The card is not a JSON object.'];
  return [...libraryProblems(card), ...structuralProblems(card)];
}

/**
 * Teams refuses a bot message above about 100 KB (413 MessageSizeTooBig) and recommends at most
 * 80 KB, counted over the whole activity as UTF-16: two bytes per UTF-16 code unit of its JSON.
 */
export const teamsActivityLimitBytes = 80 * 1024;

/** The size of an activity as Teams counts it. */
export function teamsActivityBytes(activity: unknown): number {
  return JSON.stringify(activity).length * 2;
}

/** For jest: throws when an activity is above what Teams recommends, naming its size. */
export function expectWithinTeamsLimit(activity: unknown): void {
  const bytes = teamsActivityBytes(activity);
  if (bytes > teamsActivityLimitBytes) {
    throw new Error(
      `The activity is ${(bytes / 1024).toFixed(1)} KB as Teams counts it (UTF-16), above the ${teamsActivityLimitBytes / 1024} KB Teams recommends.`,
    );
  }
}

/** For jest: throws with the list of problems when the card is not valid. */
export function expectValidCard(card: unknown): void {
  const problems = validateAdaptiveCard(card);
  if (problems.length > 0) {
    throw new Error(`The Adaptive Card is not valid:\n- ${problems.join('\n- ')}`);
  }
}

function libraryProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  // Targeting 1.5 makes the parser report properties introduced after 1.5.
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  try {
    card.parse(json, context);
  } catch (error) {
    return [
      `adaptivecards could not parse the card: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`adaptivecards (parse, ${AC.ValidationEvent[event.event]}): ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`adaptivecards (${AC.ValidationEvent[event.event]}): ${event.message}`);
  }
  return problems;
}

function structuralProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const inputIds = new Map<string, number>();

  if (card.type !== 'AdaptiveCard') problems.push('type must be "AdaptiveCard".');
  const version = typeof card.version === 'string' ? /^(\d+)\.(\d+)$/.exec(card.version) : null;
  if (!version) {
    problems.push(`version must look like "1.5"; it is ${JSON.stringify(card.version)}.`);
  } else {
    const [major, minor] = [Number(version[1]), Number(version[2])];
    if (major > maxVersion.major || (major === maxVersion.major && minor > maxVersion.minor)) {
      problems.push(`version ${card.version} is above 1.5, the highest Teams renders.`);
    }
  }

  walk(card, '$', (node, path, key) => {
    if (typeof node === 'string') {
      if (node.includes('${')) problems.push(`${path}: an unresolved template expression is left: ${node}`);
      return;
    }
    if (key !== undefined && key.includes('${'))
      problems.push(`${path}: a property name holds a template expression.`);
    if (!isObject(node)) return;
    const type = node.type;
    if (type === 'TextBlock' || type === 'TextRun') {
      if (typeof node.text !== 'string' || node.text.trim() === '')
        problems.push(`${path}: ${type} without text.`);
    }
    if (type === 'Image' && (typeof node.url !== 'string' || node.url.trim() === '')) {
      problems.push(`${path}: Image without url.`);
    }
    if (type === 'FactSet' && (!Array.isArray(node.facts) || node.facts.length === 0)) {
      problems.push(`${path}: FactSet without facts.`);
    }
    if (typeof type === 'string' && type.startsWith('Input.')) {
      const id = typeof node.id === 'string' ? node.id.trim() : '';
      if (!id) problems.push(`${path}: ${type} without id.`);
      else inputIds.set(id, (inputIds.get(id) ?? 0) + 1);
      if (typeof node.label !== 'string' || node.label.trim() === '') {
        problems.push(`${path}: ${type}${id ? ` "${id}"` : ''} without label.`);
      }
    }
    if (type === 'Action.Execute')
      problems.push(`${path}: Action.Execute is not supported by the Emulator and Web Chat.`);
    if (type === 'Action.Submit' && !hasActionIdentity(node.data)) {
      problems.push(`${path}: Action.Submit data needs promptId and action, or command.`);
    }
  });

  walkActionLists(card, '$', (action, path) => {
    if (typeof action.title !== 'string' || action.title.trim() === '')
      problems.push(`${path}: action without title.`);
  });

  for (const [id, count] of inputIds) {
    if (count > 1) problems.push(`Input id "${id}" is used ${count} times.`);
  }
  return problems;
}

function hasActionIdentity(data: unknown): boolean {
  if (!isObject(data)) return false;
  const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return (filled(data.promptId) && filled(data.action)) || filled(data.command);
}

type Visit = (node: unknown, path: string, key: string | undefined) => void;

function walk(node: unknown, path: string, visit: Visit, key?: string): void {
  visit(node, path, key);
  if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${path}[${index}]`, visit));
  else if (isObject(node)) {
    for (const [childKey, child] of Object.entries(node)) walk(child, `${path}.${childKey}`, visit, childKey);
  }
}

/** Actions that show as buttons (those in an `actions` list; a selectAction has no title). */
function walkActionLists(
  node: unknown,
  path: string,
  visit: (action: Record<string, unknown>, path: string) => void,
): void {
  walk(node, path, (child, childPath, key) => {
    if (key !== 'actions' || !Array.isArray(child)) return;
    child.forEach((action, index) => {
      if (isObject(action)) visit(action, `${childPath}[${index}]`);
    });
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
