import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { answerExistingCustomer, hasCustomer } from './existingCustomer';
import type { FlowServices } from './flowServices';
import { AccountInfoDialog, accountInfoDialogId, type AccountInfoResult } from './steps/accountInfoDialog';
import { McaDialog, mcaDialogId } from './steps/mcaDialog';
import { ResellerDialog, resellerDialogId } from './steps/resellerDialog';
import { ReviewDialog, reviewDialogId } from './steps/reviewDialog';
import { SubscriptionsDialog, subscriptionsDialogId } from './steps/subscriptionsDialog';

export const addCustomerDialogId = 'addCustomer';
const waterfallId = 'addCustomerWaterfall';

/**
 * The add-customer flow as Partner Center walks it: account info (or, for an existing customer, a
 * relationship request and the end), the customer agreement, the indirect reseller (indirect
 * providers only), subscriptions, then review until submitted or cancelled.
 */
export class AddCustomerDialog extends ComponentDialog {
  constructor(private readonly services: FlowServices) {
    super(addCustomerDialogId);
    this.addDialog(new AccountInfoDialog(services));
    this.addDialog(new McaDialog(services));
    this.addDialog(new ResellerDialog(services));
    this.addDialog(new SubscriptionsDialog(services));
    this.addDialog(new ReviewDialog(services));
    this.addDialog(
      new WaterfallDialog(waterfallId, [
        (step) => step.beginDialog(accountInfoDialogId),
        this.afterAccountInfo.bind(this),
        this.reseller.bind(this),
        (step) => step.beginDialog(subscriptionsDialogId),
        (step) => step.replaceDialog(reviewDialogId),
      ]),
    );
    this.initialDialogId = waterfallId;
  }

  private async afterAccountInfo(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AccountInfoResult;
    if (result.outcome === 'existing' && hasCustomer(result.match)) {
      await answerExistingCustomer(step.context, result.match, this.services);
      return step.endDialog();
    }
    return step.beginDialog(mcaDialogId);
  }

  private async reseller(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.services.customers.partner.type !== 'indirectProvider') return step.next();
    return step.beginDialog(resellerDialogId);
  }
}
