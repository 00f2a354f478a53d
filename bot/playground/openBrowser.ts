import { spawn } from 'node:child_process';

/**
 * A browser can be opened on macOS and Windows, and on Linux and the BSDs only with a graphical
 * session; on a headless machine the launcher prints the address instead.
 */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens the address in the default browser; best effort, the address is printed anyway. */
export function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { env, stdio: 'ignore', detached: true });
  child.once('error', () => undefined);
  child.unref();
}
