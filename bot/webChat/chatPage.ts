import type { Server } from 'restify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { DEFAULT_LOCALE, sayIn, type Locale } from '../../messages/catalogue';
import { commandPhrases } from '../../messages/commands';
import { directLinePath, maxLocaleCharacters } from './directLineRouter';

export const chatPath = '/chat';
const webChatScriptPath = `${chatPath}/webchat.js`;

/**
 * Web Chat's self-contained browser bundle (React included). The package does not export it, so it
 * is found next to the package's entry point.
 */
export function webChatBundleFile(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The page's own words in one language; `intro` alternates plain text and bold words. */
interface PageWords {
  title: string;
  heading: string;
  intro: string[];
  couldNotStart: string;
  /** "{status}" is the HTTP status. */
  httpStatus: string;
  /**
   * The 429 answer (too many open conversations), "{count}" being the minutes until one may try
   * again; null: the router's own (English) sentence, which says whose conversations they are.
   */
  tooManyConversations: { one: string; other: string; later: string } | null;
}

/**
 * The page's words in each language the bot speaks, the button and the command in the catalogue's
 * words. The page takes the words of its locale's language, English otherwise.
 */
function pageWords(): Record<Locale, PageWords> {
  const words = (locale: Locale) => ({
    help: commandPhrases[locale].help[0]!,
    addCustomer: sayIn(locale)('card.action.addCustomer'),
  });
  const en = words('en');
  const nl = words('nl');
  return {
    en: {
      title: 'Customer onboarding bot: local chat',
      heading: 'Customer onboarding bot',
      intro: ['Local test chat (no app id). Type ', en.help, ', or press ', en.addCustomer, '.'],
      couldNotStart: 'The chat could not start: ',
      httpStatus: 'the local Direct Line answered HTTP {status}',
      tooManyConversations: null,
    },
    nl: {
      title: 'Bot voor klantonboarding: lokale chat',
      heading: 'Bot voor klantonboarding',
      intro: ['Lokale testchat (geen app-id). Typ ', nl.help, ', of kies ', nl.addCustomer, '.'],
      couldNotStart: 'De chat kon niet starten: ',
      httpStatus: 'de lokale Direct Line antwoordde met HTTP {status}',
      tooManyConversations: {
        one: 'er staan te veel gesprekken open in de lokale webchat; probeer het over 1 minuut opnieuw.',
        other:
          'er staan te veel gesprekken open in de lokale webchat; probeer het over {count} minuten opnieuw.',
        later: 'er staan te veel gesprekken open in de lokale webchat; probeer het later opnieuw.',
      },
    },
  };
}

/**
 * The page: Web Chat on the local Direct Line of this same server, polling (no WebSocket), in the
 * browser's language (`navigator.language`) or the one `?locale=nl-NL` names (a BCP 47 tag of at
 * most 35 characters; anything else is ignored). That locale goes to Web Chat (its own words, and
 * the `locale` of each activity), to `<html lang>`, to the page's own words, and with the token
 * request to the router, which puts it on the activity that starts the conversation, so the
 * welcome card is in that language too.
 */
export function chatPageHtml(): string {
  const words = pageWords();
  const english = words[DEFAULT_LOCALE];
  const intro = english.intro.map((part, index) =>
    index % 2 ? `<b>${escapeHtml(part)}</b>` : escapeHtml(part),
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${escapeHtml(english.title)}</title>
    <style>
      html, body { height: 100%; margin: 0; }
      body { display: flex; flex-direction: column; background: #f5f5f5;
        font-family: 'Segoe UI', system-ui, -apple-system, sans-serif; }
      header { padding: 10px 20px; background: #464775; color: #fff; }
      header h1 { margin: 0; font-size: 17px; font-weight: 600; }
      header p { margin: 2px 0 0; font-size: 13px; opacity: 0.9; }
      #webchat { flex: 1; min-height: 0; width: 100%; max-width: 900px; margin: 0 auto;
        background: #fff; box-shadow: 0 0 4px rgba(0, 0, 0, 0.15); }
      #problem { display: none; margin: 20px; color: #a4262c; }
    </style>
  </head>
  <body>
    <header>
      <h1>${escapeHtml(english.heading)}</h1>
      <p>${intro.join('')}</p>
    </header>
    <p id="problem" role="alert"></p>
    <main id="webchat"></main>
    <script src="${webChatScriptPath}"></script>
    <script>
      (async function () {
        // The language: ?locale=nl-NL when it is a BCP 47 tag, otherwise the browser's, otherwise English.
        function languageTag(tag) {
          if (typeof tag !== 'string' || tag === '' || tag.length > ${maxLocaleCharacters}) return undefined;
          try {
            var canonical = Intl.getCanonicalLocales(tag);
            return canonical.length === 1 && canonical[0].length <= ${maxLocaleCharacters} ? canonical[0] : undefined;
          } catch (error) {
            return undefined;
          }
        }
        var locale =
          languageTag(new URLSearchParams(location.search).get('locale')) ||
          languageTag(navigator.language) ||
          'en-US';
        document.documentElement.lang = locale;
        var allWords = ${scriptJson(words)};
        var words = allWords[locale.split('-')[0].toLowerCase()] || allWords.${DEFAULT_LOCALE};
        if (words !== allWords.${DEFAULT_LOCALE}) {
          document.title = words.title;
          document.querySelector('header h1').textContent = words.heading;
          document.querySelector('header p').replaceChildren(
            ...words.intro.map(function (part, index) {
              if (index % 2 === 0) return document.createTextNode(part);
              var bold = document.createElement('b');
              bold.textContent = part;
              return bold;
            })
          );
        }
        try {
          // One user id per browser, kept across visits; each visit is a new conversation.
          var key = 'onboarding-bot-user-id';
          var userId = localStorage.getItem(key);
          if (!userId) {
            var bytes = crypto.getRandomValues(new Uint8Array(8));
            userId = 'web-' + Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
            localStorage.setItem(key, userId);
          }
          var response = await fetch('${directLinePath}/tokens/generate', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: { id: userId, name: 'Agent' }, locale: locale })
          });
          var answer = await response.json().catch(function () { return {}; });
          if (!response.ok) {
            // 429: too many open conversations on this machine (the answer says when to try again).
            var tooMany = words.tooManyConversations;
            if (response.status === 429 && tooMany) {
              var seconds = Number(response.headers.get('retry-after'));
              var count = Math.max(1, Math.ceil(seconds / 60));
              throw new Error(
                !(seconds > 0) ? tooMany.later : count === 1 ? tooMany.one : tooMany.other.replace('{count}', count)
              );
            }
            throw new Error(
              (answer.error && answer.error.message) || words.httpStatus.replace('{status}', response.status)
            );
          }
          var token = answer.token;
          var directLine = window.WebChat.createDirectLine({
            domain: location.origin + '${directLinePath}',
            token: token,
            webSocket: false,
            pollingInterval: 300
          });
          window.WebChat.renderWebChat(
            {
              directLine: directLine,
              userID: userId,
              username: 'Agent',
              locale: locale,
              styleOptions: { hideUploadButton: true, bubbleMaxWidth: 720 }
            },
            document.getElementById('webchat')
          );
          document.querySelector('#webchat input, #webchat textarea')?.focus();
        } catch (error) {
          var problem = document.getElementById('problem');
          problem.textContent = words.couldNotStart + error.message;
          problem.style.display = 'block';
        }
      })();
    </script>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON to put inside a <script>: no "</script>" or "<!--" can close or change it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Serves the page at /chat and Web Chat's bundle at /chat/webchat.js. */
export function mountChatPage(server: Server, logger: Logger): void {
  let bundle: Promise<Buffer> | undefined;
  const html = chatPageHtml();

  server.get(chatPath, async (_req, res) => {
    res.sendRaw(200, html, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  });

  server.get(webChatScriptPath, async (_req, res) => {
    bundle ??= readFile(webChatBundleFile());
    try {
      res.sendRaw(200, await bundle, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
      });
    } catch (error) {
      bundle = undefined;
      logger.error({ err: { message: (error as Error).message } }, 'web chat: bundle not found');
      res.send(500, { error: 'botframework-webchat is not installed: run npm install.' });
    }
  });
}
