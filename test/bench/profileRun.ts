import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './benchEnvironment';
import { summariseCpuProfile, type ProfileSummary } from './cpuProfile';
import { startHost } from './hostProtocol';
import { runLoad } from './loadGenerator';
import type { PointSettings } from './measurePoint';

/**
 * An extra run of the onboarding bot at `agents` agents with V8's sampling profiler on during the
 * window only (through node:inspector in the bot process), summarised by area and function.
 */
export async function profileBot(agents: number, settings: PointSettings): Promise<ProfileSummary> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'bench-profile-'));
  const file = path.join(folder, 'bot.cpuprofile');
  const host = await startHost('onboarding');
  try {
    await runLoad({
      kind: 'onboarding',
      messagesUrl: host.messagesUrl,
      agents,
      warmupMs: settings.warmupMs,
      durationMs: settings.durationMs,
      nextCompany: settings.nextCompany,
      onWindowStart: async () => void (await host.call('profileStart')),
      onWindowEnd: async () => void (await host.call('profileStop', { file })),
    });
    return await summariseCpuProfile(file, projectRoot);
  } finally {
    await host.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
