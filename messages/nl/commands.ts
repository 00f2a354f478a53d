import type { CommandPhrases, LanguageNames } from '../commands';

/** Dutch commands, understood whatever language the agent chose. */
export const nl: { commands: CommandPhrases; languages: LanguageNames } = {
  commands: {
    addCustomer: ['klant toevoegen', 'nieuwe klant', 'een klant toevoegen', 'nieuwe klant toevoegen'],
    help: ['hulp', 'help', 'wat kun je', 'wat kunt u'],
    cancel: ['annuleren', 'stoppen', 'afbreken', 'concept verwijderen'],
    language: ['taal', 'taal wijzigen', 'andere taal'],
    notifyMe: ['meldingen aan', 'stuur mij meldingen', 'meld mij', 'abonneren'],
    stopNotifications: ['meldingen uit', 'stop meldingen', 'geen meldingen meer', 'afmelden'],
    notificationState: ['meldingen', 'mijn meldingen', 'meldingsinstellingen'],
    notifyChannel: ['meld in dit kanaal', 'meldingen naar dit kanaal'],
    recentOnboardings: ['recente klanten', 'recent toegevoegde klanten', 'recente onboardings'],
  },
  languages: {
    en: ['engels', 'en'],
    nl: ['nederlands', 'nl'],
  },
};
