/**
 * What keeps the Agents Playground on this machine. Its `--disable-telemetry` option (which the
 * launcher passes too) only silences its own events: the Application Insights SDK inside it still
 * starts with a built-in key, sends "statsbeat" to an applicationinsights.azure.com host, asks the
 * Azure VM metadata service (169.254.169.254) where it runs, and sends exceptions whatever the
 * option says. This configuration, which the SDK reads from the environment, switches all of it off.
 */
export const applicationInsightsOff = {
  disableAppInsights: true,
  disableStatsbeat: true,
  enableAutoCollectHeartbeat: false,
};

/** Its proxy support would send even calls to the bot on 127.0.0.1 through a configured proxy. */
const proxyVariables = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'NO_PROXY', 'no_proxy'];

/** Variables the Playground reads that the launcher sets itself. */
const ownedVariables = [
  'TEAMSAPPTESTER_BROWSER',
  'APPLICATION_INSIGHTS_NO_STATSBEAT',
  'APPLICATIONINSIGHTS_CONFIGURATION_CONTENT',
  'APPLICATIONINSIGHTS_CONFIGURATION_FILE',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'M365_AGENTS_PLAYGROUND_CONFIG_PATH',
  'M365_AGENTS_PLAYGROUND_LOGFILE',
  'M365_AGENTS_PLAYGROUND_SERVICE_URL',
  'M365_AGENTS_PLAYGROUND_DELIVERY_MODE',
];

export interface PlaygroundFiles {
  /** The config file (chats, team, users) the Playground reads. */
  configPath: string;
  /** Its log; otherwise it writes devTools/m365agentsplayground.log into the working folder. */
  logFile: string;
}

export function playgroundEnvironment(base: NodeJS.ProcessEnv, files: PlaygroundFiles): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [...proxyVariables, ...ownedVariables]) delete env[name];
  return {
    ...env,
    // Never opens a browser itself: its `open` call ends the process where no xdg-open exists.
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify(applicationInsightsOff),
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: files.configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: files.logFile,
  };
}
