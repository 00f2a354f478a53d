import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBotExpectingFailure, startBotProcess } from '../harness/botProcess';
import { runCompiledCommand, type CommandRun } from '../harness/commandRun';

const ada = '6f1c2a4e-0b7d-4c55-9a1e-3d2f8b7c6a01';
const grace = '0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d02';
const validRoles = 'globalAdmin, userManagementAdmin, adminAgent, salesAgent, manager';

/** The compiled command as `npm run roles` runs it, with none of the developer's own variables. */
function roles(args: string[], env: Record<string, string>, cwd: string): Promise<CommandRun> {
  return runCompiledCommand('roles', args, env, cwd);
}

/** A port nothing listens on a moment later. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the roles command line (npm run roles)', () => {
  let workDir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'roles-cli-'));
    env = {
      EMBEDDED_COSMOS_PORT: String(await freePort()),
      EMBEDDED_COSMOS_DATA_DIR: path.join(workDir, 'data'),
    };
  });
  afterEach(async () => rm(workDir, { recursive: true, force: true }));

  it('assigns roles with no bot running, keeps them in the data folder, and lists them', async () => {
    const assigned = await roles(
      ['assign', ada, 'salesAgent,manager', '--name', 'Ada Lovelace'],
      env,
      workDir,
    );
    expect(assigned).toMatchObject({ code: 0, stderr: '' });
    expect(assigned.stdout).toContain(`Ada Lovelace (${ada}): salesAgent, manager`);
    expect(assigned.stdout).toMatch(/Store: the embedded Cosmos DB data in .*data \(no bot running\)/);
    expect(await readFile(path.join(workDir, 'data', 'embedded-cosmos.json'), 'utf8')).toContain(ada);

    expect(await roles(['add', grace, 'adminAgent'], env, workDir)).toMatchObject({ code: 0 });
    expect(await roles(['remove', ada, 'manager'], env, workDir)).toMatchObject({ code: 0 });

    const listed = await roles(['list'], env, workDir);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^OBJECT ID\s+NAME\s+ROLES\s+UPDATED$/);
    // By display name, or by id for an agent without one ("0a9e..." sorts before "Ada").
    expect(lines[1]).toMatch(new RegExp(`^${grace}\\s+adminAgent\\s+`));
    expect(lines[2]).toMatch(new RegExp(`^${ada}\\s+Ada Lovelace\\s+salesAgent\\s+\\S+ by cli:`));
  });

  it('refuses an unknown role with exit code 1 and one readable line', async () => {
    const result = await roles(['assign', ada, 'salesAgent,wizard'], env, workDir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Unknown role "wizard". Valid roles: ${validRoles}.\n`);
  });

  it('shows the usage with exit code 2 when given no command, an unknown one or too few arguments', async () => {
    for (const args of [[], ['promote', ada], ['add', ada], ['list', '--colour']]) {
      const result = await roles(args, env, workDir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^roles: .+\n\nUsage: npm run roles -- <command>/);
    }
    expect(existsSync(path.join(workDir, 'data'))).toBe(false);
  });

  it('prints the usage for help and exits 0', async () => {
    const result = await roles(['help'], env, workDir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('assign <objectId> <role[,role...]> [--name "Display Name"]');
    expect(result.stdout).toContain(`Roles: ${validRoles}`);
  });

  it('refuses a bad configuration with the same one line as the bot', async () => {
    const result = await roles(['list'], { ...env, PARTNER_TYPE: 'distributor' }, workDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Configuration error: PARTNER_TYPE must be direct or indirectProvider (got "distributor").\n',
    );
  });

  it('changes the embedded store of a running bot, which keeps the change when it stops', async () => {
    const bot = await startBotProcess({ PORT: '0', ...env }, workDir);
    let stopped = false;
    try {
      const assigned = await roles(['assign', grace, 'globalAdmin', '--name', 'Grace Hopper'], env, workDir);
      expect(assigned).toMatchObject({ code: 0, stderr: '' });
      expect(assigned.stdout).toContain(
        `Store: the running bot's embedded Cosmos DB at https://127.0.0.1:${env.EMBEDDED_COSMOS_PORT}/`,
      );
      expect((await roles(['list'], env, workDir)).stdout).toContain('Grace Hopper');
      expect(await bot.stop('SIGTERM')).toBe(0);
      stopped = true;
    } finally {
      if (!stopped) await bot.stop('SIGKILL');
    }
    expect(await readFile(path.join(workDir, 'data', 'embedded-cosmos.json'), 'utf8')).toContain(grace);
    expect((await roles(['list'], env, workDir)).stdout).toMatch(new RegExp(`${grace}\\s+Grace Hopper`));
  });

  it('finds a running bot through its data folder when its store has no fixed port, and the bot keeps the change', async () => {
    const anyPort = { ...env, EMBEDDED_COSMOS_PORT: '0' };
    const bot = await startBotProcess({ PORT: '0', ...anyPort }, workDir);
    let stopped = false;
    try {
      const assigned = await roles(['assign', ada, 'salesAgent', '--name', 'Ada Lovelace'], anyPort, workDir);
      expect(assigned).toMatchObject({ code: 0, stderr: '' });
      expect(assigned.stdout).toMatch(
        /Store: the running bot's embedded Cosmos DB at https:\/\/127\.0\.0\.1:\d+\//,
      );
      expect(await bot.stop('SIGTERM')).toBe(0);
      stopped = true;
    } finally {
      if (!stopped) await bot.stop('SIGKILL');
    }
    expect((await roles(['list'], anyPort, workDir)).stdout).toMatch(new RegExp(`${ada}\\s+Ada Lovelace`));
  });

  it('lets no second bot open a data folder that a running bot serves', async () => {
    const anyPort = { ...env, EMBEDDED_COSMOS_PORT: '0' };
    const first = await startBotProcess({ PORT: '0', ...anyPort }, workDir);
    try {
      const second = await runBotExpectingFailure({ PORT: '0', ...anyPort }, workDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        /Start-up failed: The data folder .*data is in use by another process \(pid \d+, its store at https:\/\/127\.0\.0\.1:\d+\/\)/,
      );
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
  });
});
