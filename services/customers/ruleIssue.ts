import type { MessageKey, MessageParams } from '../../messages/catalogue';

/** A broken rule, as a catalogue message; the caller decides which field it belongs to. */
export interface RuleIssue {
  key: MessageKey;
  params: MessageParams;
}

/** The outcome of checking one value: its normalised form, or the one thing to change. */
export type Checked<T> = { ok: true; value: T } | ({ ok: false } & RuleIssue);

export function passed<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function failed<T = never>(key: MessageKey, params: MessageParams = {}): Checked<T> {
  return { ok: false, key, params };
}

/** A RuleIssue placed at a field, e.g. ['address', 'postalCode']. */
export interface FieldIssue extends RuleIssue {
  path: string[];
}

/**
 * Gathers every problem of a form, so the agent sees them all at once, one per field at most where the
 * text itself is refused: `refusedText` (from hiddenCharacterIssues: a field holding a control, bidi or
 * invisible character) is reported at its field, in form order, in place of whatever the field's own
 * rules say about it.
 */
export class IssueList {
  readonly issues: FieldIssue[] = [];
  private readonly refusedText: Map<string, RuleIssue>;
  private readonly refusedFields = new Set<string>();

  constructor(refusedText: ReadonlyMap<string, RuleIssue> = new Map()) {
    this.refusedText = new Map(refusedText);
  }

  /** Records the issue of a failed check and answers its value (undefined when it failed). */
  take<T>(path: string[], checked: Checked<T>): T | undefined {
    if (this.refused(path)) return undefined;
    if (checked.ok) return checked.value;
    this.add(path, checked.key, checked.params);
    return undefined;
  }

  add(path: string[], key: MessageKey, params: MessageParams = {}): void {
    if (this.refused(path)) return;
    this.issues.push({ path, key, params });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  /** Whether the text of the field at `path` is refused; the first time, its issue is recorded. */
  private refused(path: string[]): boolean {
    const field = path.join('.');
    if (this.refusedFields.has(field)) return true;
    const issue = this.refusedText.get(field);
    if (!issue) return false;
    this.refusedFields.add(field);
    this.issues.push({ path, ...issue });
    return true;
  }
}
