import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot } from '../../bot/startBot';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { NotificationScene } from '../notifications/notificationHarness';
import { countClientRequests, difference, emptyTally, type Tally } from './cosmosRequests';

/** What managers' notifications cost: the submit's share and the dispatcher's, per onboarding. */
export interface NotificationCost {
  onboardings: number;
  managers: number;
  submit: {
    /** Mean wall time of a submit with no manager to notify, and with `managers` of them. */
    msWithout: number;
    msWith: number;
    requestsWithout: number;
    requestsWith: number;
  };
  dispatcher: {
    /** Per notification delivered: CPU of this process (bot, dispatcher and embedded store). */
    cpuMsPerNotification: number;
    requestsPerNotification: number;
    /** Cosmos DB requests by "<container>.<kind>", per notification. */
    byContainer: Record<string, number>;
  };
}

/**
 * Runs in this process: the bot on its embedded store, a local Teams endpoint, managers with the app
 * installed. Onboardings are submitted with the dispatcher stopped (so the submit is measured alone),
 * then the dispatcher delivers them all.
 */
export async function measureNotificationCost(onboardings = 20, managers = 3): Promise<NotificationCost> {
  const teams = await new ConnectorRecorder().start();
  const config = loadConfig({
    PORT: '0',
    EMBEDDED_COSMOS_PORT: '0',
    EMBEDDED_COSMOS_DATA_DIR: '',
    LOG_LEVEL: 'silent',
  });
  const bot = await startBot(config, createLogger('silent'), { dispatcher: { pollMs: 50 } });
  const tally = emptyTally();
  const stopCounting = countClientRequests(tally);
  try {
    await bot.dispatcher.stop();
    const scene = new NotificationScene(bot, teams);
    const submits = async (count: number) => {
      const before: Tally = structuredClone(tally);
      const started = performance.now();
      for (let i = 0; i < count; i += 1) await scene.onboard();
      return {
        ms: (performance.now() - started) / count,
        requests: difference(tally, before).requests / count,
      };
    };
    await submits(3); // warm-up
    const without = await submits(onboardings);
    const people: Awaited<ReturnType<NotificationScene['manager']>>[] = [];
    for (let i = 0; i < managers; i += 1) people.push(await scene.manager(`Bench Manager ${i + 1}`));
    const withManagers = await submits(onboardings);

    const before: Tally = structuredClone(tally);
    const cpu = process.cpuUsage();
    bot.dispatcher.start();
    const expected = onboardings * managers;
    await teams.waitFor(
      () =>
        people.reduce((sum, manager) => sum + scene.delivered(manager.conversationId).length, 0) >= expected,
      120_000,
    );
    const used = process.cpuUsage(cpu);
    const dispatched = difference(tally, before);
    return {
      onboardings,
      managers,
      submit: {
        msWithout: without.ms,
        msWith: withManagers.ms,
        requestsWithout: without.requests,
        requestsWith: withManagers.requests,
      },
      dispatcher: {
        cpuMsPerNotification: (used.user + used.system) / 1000 / expected,
        requestsPerNotification: dispatched.requests / expected,
        byContainer: Object.fromEntries(
          Object.entries(dispatched.byContainer).map(([key, count]) => [key, count / expected]),
        ),
      },
    };
  } finally {
    stopCounting();
    await bot.stop();
    await teams.stop();
  }
}
