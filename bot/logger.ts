import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Log identifiers and error details only: never a customer's personal
 * data (names, emails, phone numbers, addresses) nor the text an agent typed.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'customer-onboarding-bot' } });
}
