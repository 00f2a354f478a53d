import { messageForms, type MessageTemplate } from '../../messages/catalogue';

/**
 * Every wording of these catalogue entries (a plural entry has several) as a pattern that matches
 * the rendered sentence: each `{x}` stands for any text of at least one character.
 */
export function sentencePatterns(entries: Iterable<MessageTemplate>): RegExp[] {
  return [...entries]
    .flatMap((entry) => messageForms(entry))
    .map(
      (form) =>
        new RegExp(
          `^${form
            .split(/\{\w+\}/)
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('[\\s\\S]+')}$`,
        ),
    );
}
