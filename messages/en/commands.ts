import type { CommandPhrases, LanguageNames } from '../commands';

/** English commands, understood whatever language the agent chose. */
export const en: { commands: CommandPhrases; languages: LanguageNames } = {
  commands: {
    addCustomer: ['add customer', 'new customer', 'add a customer', 'add a new customer', 'add new customer'],
    help: ['help', '?', 'what can you do'],
    cancel: ['cancel', 'stop', 'discard', 'discard draft'],
    language: ['language', 'change language'],
    notifyMe: ['notify me', 'start notifications', 'subscribe'],
    stopNotifications: ['stop notifications', 'stop notification', 'stop notifying me', 'unsubscribe'],
    notificationState: ['notifications', 'my notifications', 'notification settings'],
    notifyChannel: ['notify this channel'],
    recentOnboardings: ['recent onboardings', 'recent customers'],
  },
  languages: {
    en: ['english', 'en'],
    nl: ['dutch', 'nl'],
  },
};
