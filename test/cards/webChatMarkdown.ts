import { createRequire } from 'node:module';

/**
 * Card markdown rendered the way Web Chat and the Emulator render it: markdown-it (a dependency of
 * botframework-webchat, without types of its own) with the options of Web Chat's renderMarkdown:
 * HTML on, linkify on (bare URLs, domains and e-mail addresses become links), typographer on.
 */
interface MarkdownIt {
  render(markdown: string): string;
}
type MarkdownItConstructor = new (options: Record<string, unknown>) => MarkdownIt;

const load = createRequire(__filename);
const MarkdownItClass = load('markdown-it') as MarkdownItConstructor;
const webChat = new MarkdownItClass({
  breaks: false,
  html: true,
  linkify: true,
  typographer: true,
  xhtmlOut: true,
});

/** The HTML Web Chat makes of a TextBlock's text or a fact (before its sanitizer, which keeps `<a>`, `<em>`, `<img>`…). */
export function webChatHtml(markdown: string): string {
  return webChat.render(markdown);
}

/** The HTML elements in it, by name: `p`, `a`, `em`… */
export function elementNames(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((match) => match[1]!.toLowerCase());
}

/** Where its links go. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
}

/**
 * The text a reader sees in Web Chat: tags taken out, entities decoded, lines joined by spaces. The
 * typographer's curly quotes are straightened: typography, not markup (and catalogue sentences
 * quote with straight ones).
 */
export function webChatReaderText(markdown: string): string {
  return decodeEntities(webChatHtml(markdown).replace(/<[^>]*>/g, ' '))
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
