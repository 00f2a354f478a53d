/**
 * The parts of botbuilder-dialogs the flow uses, from their own modules. The package's index also
 * loads every prompt and their text recognizers (number, date, choice in many languages), a third of
 * a second of start-up for nothing this bot asks.
 */
export {
  Dialog,
  DialogReason,
  type DialogInstance,
  type DialogTurnResult,
} from 'botbuilder-dialogs/lib/dialog';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogContextError } from 'botbuilder-dialogs/lib/dialogContextError';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
