import type { MessageKey, MessageParams } from '../messages/catalogue';

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

/** Gathers every problem of a form, so the agent sees them all at once. */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  /** Records the issue of a failed check and answers its value (undefined when it failed). */
  take<T>(path: string[], checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    this.add(path, checked.key, checked.params);
    return undefined;
  }

  add(path: string[], key: MessageKey, params: MessageParams = {}): void {
    this.issues.push({ path, key, params });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }
}
