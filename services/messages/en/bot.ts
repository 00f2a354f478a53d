/** Sentences the bot says outside the add-customer steps. */
export const bot = {
  'help.text':
    'I help you add a new customer the way Partner Center does: account info and primary contact, the Microsoft Customer Agreement, the indirect reseller, subscriptions, review and submit. Type "add customer" to start, "cancel" to stop.',
} as const;
