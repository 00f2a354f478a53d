/** Managers' onboarding notifications: the commands, the notification card, recent onboardings. */
export const notifications = {
  'card.help.command.notifyMe':
    '**notify me** / **stop notifications** (personal chat): a message for each new customer, or none.',
  'card.help.command.notifications': '**notifications**: where your notifications go, and any that failed.',
  'card.help.command.notifyChannel':
    '**notify this channel** (in a team channel): post your notifications there.',
  'card.help.command.recentOnboardings':
    '**recent onboardings**: the latest customers added, by agent and date.',
  'card.welcome.manager':
    'As a manager you get a message here for each customer your agents add. Type "help" for your commands.',
  'notify.needRole':
    'Onboarding notifications are for managers. Ask an administrator for the Manager role if you need them.',
  'notify.subscribed':
    'You will get a message here in this chat each time a customer is onboarded. Type "stop notifications" to stop.',
  'notify.unsubscribed': 'You will get no more onboarding notifications. Type "notify me" to get them again.',
  'notify.channelRouted':
    'Your onboarding notifications now go to this channel ({channel}). Type "notify me" in your personal chat with me to get them there again.',
  'notify.channelOnlyInChannel':
    'Say "notify this channel" in the Teams channel that should get your onboarding notifications.',
  'notify.personalOnly':
    'Manage your notifications in your personal chat with me: "notify me", "stop notifications" or "notifications".',
  'notify.state.personal': 'You get onboarding notifications in your personal chat with me.',
  'notify.state.channel': 'Your onboarding notifications go to the channel {channel}.',
  'notify.state.channelInactive':
    'Your notifications went to the channel {channel}, but Teams no longer lets me post there, so they come to this chat instead.',
  'notify.state.off': 'You get no onboarding notifications. Type "notify me" to get them.',
  'notify.state.inactive':
    'Teams told me it cannot deliver to your chat ({code}), so nothing is sent. Write to me or install the app again to get them back.',
  'notify.state.waiting': {
    plural: 'count',
    one: '1 notification is waiting to be sent.',
    other: '{count} notifications are waiting to be sent.',
  },
  'notify.state.failed': 'Could not be delivered: {list}.',
  'notify.state.noFailures': 'Every notification so far was delivered.',
  'notify.failedItem': '{legalName} ({reason})',
  'notify.channelUnnamed': 'a Teams channel',
  'done.notified': 'A notification goes to {recipients}.',
  'done.notifiedNobody': 'No manager is subscribed to onboarding notifications, so no one is told.',
  'notify.recipient.channel': '{name} (channel)',
  'card.notification.title': 'New customer onboarded',
  'card.notification.summary': '{agent} added a customer: {legalName}',
  'card.notification.customer': 'Customer',
  'card.notification.country': 'Country',
  'card.notification.domain': 'Domain',
  'card.notification.reseller': 'Reseller',
  'card.notification.mca': 'Customer Agreement',
  'card.notification.mca.attested': 'Accepted by {name} on {date}',
  'card.notification.mca.pending': 'The customer will accept it in the admin center',
  'card.notification.addedBy': 'Added by',
  'card.notification.when': 'When',
  'card.notification.status': 'Status',
  'card.notification.customerId': 'Customer ID',
  'card.notification.subscriptions': 'Subscriptions',
  'card.notification.noSubscriptions': 'No subscriptions ordered.',
  'card.notification.showAudit': 'Audit trail',
  'card.notification.audit.created': '{when}: created by {agent} in {channel}',
  'card.notification.audit.updated': '{when}: {changes} changed by {agent} in {channel}',
  'card.notification.audit.statusChanged': '{when}: status changed by {agent} in {channel}',
  'channel.msteams': 'Teams',
  'channel.emulator': 'the Bot Framework Emulator',
  'channel.webchat': 'the web chat page',
  'card.notification.unknownAgent': 'an agent',
  'recent.title': 'Recent onboardings',
  'recent.agent': 'Added by (name or sign-in name)',
  'recent.from': 'From (date)',
  'recent.to': 'To (date)',
  'recent.show': 'Show',
  'recent.more': 'More',
  'recent.none': 'No onboardings match.',
  'recent.line': '{country} · {agent} · {when} · {status}',
  'recent.badDate': 'Enter a date as YYYY-MM-DD.',
  'recent.badRange': 'The "to" date is before the "from" date.',
  'recent.expired': 'That list has changed or expired; here it is from the newest again.',
} as const;
