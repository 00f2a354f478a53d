/**
 * The echo bot as a process of its own, for the start-up floor: `node dist/test/bench/echoMain.js`
 * prints "Bot listening at …" as the bot does, so the same probe times both.
 */
import { startEchoBot } from './echoBot';

startEchoBot().then(
  (echo) => {
    process.stdout.write(`Bot listening at ${echo.messagesUrl}\n`);
    process.once('SIGTERM', () => void echo.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`Start-up failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
