import type { Server } from 'restify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';
import { directLinePath } from './directLineRouter';

export const chatPath = '/chat';
const webChatScriptPath = `${chatPath}/webchat.js`;

/**
 * Web Chat's self-contained browser bundle (React included). The package does not export it, so it
 * is found next to the package's entry point.
 */
export function webChatBundleFile(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** The page: Web Chat on the local Direct Line of this same server, polling (no WebSocket). */
export function chatPageHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Customer onboarding bot: local chat</title>
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
      <h1>Customer onboarding bot</h1>
      <p>Local test chat (no app id). Type <b>help</b>, or press <b>Add customer</b>.</p>
    </header>
    <p id="problem" role="alert"></p>
    <main id="webchat"></main>
    <script src="${webChatScriptPath}"></script>
    <script>
      (async function () {
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
            body: JSON.stringify({ user: { id: userId, name: 'Agent' } })
          });
          var answer = await response.json().catch(function () { return {}; });
          if (!response.ok) {
            // 429: too many open conversations on this machine (the answer says when to try again).
            throw new Error(
              (answer.error && answer.error.message) || 'the local Direct Line answered HTTP ' + response.status
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
              locale: 'en-US',
              styleOptions: { hideUploadButton: true, bubbleMaxWidth: 720 }
            },
            document.getElementById('webchat')
          );
          document.querySelector('#webchat input, #webchat textarea')?.focus();
        } catch (error) {
          var problem = document.getElementById('problem');
          problem.textContent = 'The chat could not start: ' + error.message;
          problem.style.display = 'block';
        }
      })();
    </script>
  </body>
</html>
`;
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
