import type { Translation } from '../catalogue';
import type { notifications as english } from '../en/notifications';

/**
 * Managers' onboarding notifications: the commands, the notification card, recent onboardings.
 * "Onboarding" reads as "nieuwe klant" / "toegevoegde klant"; commands are those of messages/nl/commands.ts.
 */
export const notifications: Translation<typeof english> = {
  'card.help.command.notifyMe':
    '**meldingen aan** / **meldingen uit** (persoonlijke chat): een bericht voor elke nieuwe klant, of geen.',
  'card.help.command.notifications':
    '**meldingen**: waar uw meldingen naartoe gaan, en welke niet konden worden bezorgd.',
  'card.help.command.notifyChannel': '**meld in dit kanaal** (in een teamkanaal): plaats uw meldingen daar.',
  'card.help.command.recentOnboardings':
    '**recente klanten**: de laatst toegevoegde klanten, per medewerker en datum.',
  'card.welcome.managerTitle': 'Meldingen over nieuwe klanten',
  'flow.unknownTextManager': 'Dat heb ik niet begrepen. Typ "hulp" om te zien wat ik voor managers doe.',
  'card.welcome.manager':
    'Als manager krijgt u hier een bericht voor elke klant die uw medewerkers toevoegen. Typ "hulp" voor uw opdrachten.',
  'notify.needRole':
    'Meldingen over nieuwe klanten zijn voor managers. Vraag een beheerder om de rol Manager als u ze nodig hebt.',
  'notify.subscribed':
    'U krijgt hier in deze chat een bericht telkens wanneer er een klant is toegevoegd. Typ "meldingen uit" om te stoppen.',
  'notify.unsubscribed':
    'U krijgt geen meldingen over nieuwe klanten meer. Typ "meldingen aan" om ze weer te krijgen.',
  'notify.channelRouted':
    'Uw meldingen over nieuwe klanten gaan nu naar dit kanaal ({channel}). Typ "meldingen aan" in uw persoonlijke chat met mij om ze weer daar te krijgen.',
  'notify.channelOnlyInChannel':
    'Zeg "meld in dit kanaal" in het Teams-kanaal dat uw meldingen over nieuwe klanten moet krijgen.',
  'notify.personalOnly':
    'Beheer uw meldingen in uw persoonlijke chat met mij: "meldingen aan", "meldingen uit" of "meldingen".',
  'notify.state.personal': 'U krijgt meldingen over nieuwe klanten in uw persoonlijke chat met mij.',
  'notify.state.channel': 'Uw meldingen over nieuwe klanten gaan naar het kanaal {channel}.',
  'notify.state.channelInactive':
    'Uw meldingen gingen naar het kanaal {channel}, maar Teams laat mij daar geen berichten meer plaatsen, dus ze komen nu in deze chat.',
  'notify.state.off': 'U krijgt geen meldingen over nieuwe klanten. Typ "meldingen aan" om ze te krijgen.',
  // Why a notification was not delivered, read in "Teams kan geen berichten bezorgen in uw chat (...)".
  'notify.reason.AppUninstalled': 'u hebt de app verwijderd',
  'notify.reason.ConversationBlockedByUser': 'u hebt de bot in Teams geblokkeerd',
  'notify.reason.BotNotInConversationRoster': 'de bot zit niet meer in die chat',
  'notify.reason.BotDisabledByAdmin': 'een beheerder heeft de bot uitgeschakeld',
  'notify.reason.ForbiddenOperationException': 'de app is niet voor u geïnstalleerd',
  'notify.reason.ConversationNotFound': 'Teams kent die chat niet meer',
  'notify.reason.NoAddress': 'er was geen chat om het bericht naartoe te sturen',
  'notify.reason.unavailable': 'Teams was meerdere keren niet beschikbaar',
  'notify.reason.teamsError': 'Teams gaf een foutmelding',
  'notify.reason.other': 'Teams antwoordde {code}',
  // Teams shows the General channel as "Algemeen" in Dutch.
  'notify.generalChannel': 'Algemeen in {team}',
  'notify.state.inactive':
    'Teams kan geen berichten bezorgen in uw chat ({reason}), dus er wordt daar niets naartoe gestuurd. Als u mij hier een bericht stuurt of de app opnieuw installeert, komen ze weer binnen.',
  'notify.state.waiting': {
    plural: 'count',
    one: '1 melding wacht om te worden verzonden.',
    other: '{count} meldingen wachten om te worden verzonden.',
  },
  'notify.state.failed': 'Kon niet worden bezorgd: {list}.',
  'notify.state.noFailures': 'Al uw meldingen zijn bezorgd.',
  'notify.failedItem': '{legalName} ({when}: {reason})',
  'notify.channelUnnamed': 'een Teams-kanaal',
  'done.notified': 'Er gaat een melding naar {recipients}.',
  'done.notifiedNobody':
    'Geen enkele manager krijgt een melding van deze nieuwe klant: niemand is geabonneerd op meldingen, of Teams kan hen niet bereiken.',
  'notify.recipient.channel': '{name} (kanaal)',
  'card.notification.title': 'Nieuwe klant toegevoegd',
  'card.notification.summary': '{agent} heeft een klant toegevoegd: {legalName}',
  'card.notification.country': 'Land',
  'card.notification.domain': 'Domein',
  'card.notification.reseller': 'Reseller',
  'card.notification.mca': 'Klantovereenkomst',
  'card.notification.mca.attested': 'Geaccepteerd door {name} op {date}',
  'card.notification.mca.pending': 'De klant accepteert de overeenkomst zelf in het beheercentrum',
  'card.notification.addedBy': 'Toegevoegd door',
  'card.notification.when': 'Wanneer',
  'card.notification.status': 'Status bij toevoegen',
  'card.notification.contact': 'Primaire contactpersoon',
  'card.notification.contactValue': '{name}, {email}',
  'card.notification.adminSignInName': 'Aanmeldingsnaam beheerder',
  'card.notification.agentWithSignIn': '{name} ({signIn})',
  'card.notification.customerId': 'Klant-id',
  'card.notification.subscriptions': 'Abonnementen',
  'card.notification.noSubscriptions': 'Geen abonnementen besteld.',
  'card.notification.showAudit': 'Logboek',
  'card.notification.trail.started': '{when}: concept begonnen',
  'card.notification.trail.confirmed': '{when}: {section} bevestigd',
  'card.notification.trail.updated': '{when}: {section} gewijzigd vanuit Controleren',
  // {channel} is "Teams", "de webchat", "de Bot Framework Emulator".
  'card.notification.audit.created': '{when}: aangemaakt door {agent} via {channel}',
  'card.notification.audit.updated': '{when}: {changes} gewijzigd door {agent} via {channel}',
  'card.notification.audit.statusChanged': '{when}: status gewijzigd door {agent} via {channel}',
  'channel.msteams': 'Teams',
  'channel.emulator': 'de Bot Framework Emulator',
  'channel.webchat': 'de webchat',
  'card.notification.unknownAgent': 'een medewerker',
  'recent.title': 'Recent toegevoegde klanten',
  'recent.agent': 'Toegevoegd door (naam of aanmeldingsnaam)',
  'recent.from': 'Van (datum)',
  'recent.to': 'Tot (datum)',
  'recent.show': 'Weergeven',
  'recent.more': 'Meer',
  'recent.none': 'Er zijn geen toegevoegde klanten die hieraan voldoen.',
  'recent.line': '{domain} · {country} · {agent} · {when} · {status}',
  'recent.personalOnly':
    'De lijst met recent toegevoegde klanten noemt klanten bij naam, dus ik toon deze alleen in uw persoonlijke chat met mij.',
  'recent.needRole': 'De lijst met recent toegevoegde klanten is voor managers.',
  'recent.agentTooLong': 'Typ maximaal 100 tekens van de naam of aanmeldingsnaam van de medewerker.',
  'recent.badDate': 'Voer een datum in als JJJJ-MM-DD.',
  'recent.badRange': 'De datum bij "Tot" ligt vóór de datum bij "Van".',
  'recent.expired': 'Die lijst is gewijzigd of verlopen; hier is hij opnieuw, te beginnen bij de nieuwste.',
};
