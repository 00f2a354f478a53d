import type { Say } from '../messages/catalogue';
import type { AdaptiveCardJson, Fact } from './cardModels';
import { cardTemplate } from './fillTemplate';
import { asTextFact, asTextParams } from './plainText';
import template from './templates/partnerCenterOutcome.json';

const fill = cardTemplate(template);

/** Partner Center's reason for a refusal, in its own words (English), with its error code. */
export interface PartnerCenterReason {
  code?: string;
  description: string;
}

/**
 * The customer and its tenant exist in Partner Center. `admin` is the tenant's first Global admin,
 * whose temporary password is shown on this card once and nowhere else.
 */
export interface CustomerCreatedModel {
  kind: 'created';
  legalName: string;
  /** The tenant's initial domain, `<prefix>.onmicrosoft.com`. */
  domain: string;
  /** Partner Center's customer id, when it is known as the card is drawn. */
  partnerCenterCustomerId?: string;
  admin: { userName: string; password: string };
  /** How the Microsoft Customer Agreement was handled at submit. */
  agreement: 'attested' | 'customerWillAccept';
}

/**
 * Partner Center refused the customer: nothing was created, the domain and name are free again.
 * `customerId`: the bot's record, which "Add it again" starts a new draft from.
 */
export interface CustomerRejectedModel {
  kind: 'rejected';
  legalName: string;
  domain: string;
  reason?: PartnerCenterReason;
  customerId: string;
}

/** The customer exists, but Partner Center refused the Microsoft Customer Agreement acceptance. */
export interface AgreementRefusedModel {
  kind: 'agreementRefused';
  legalName: string;
  domain: string;
  partnerCenterCustomerId?: string;
  reason?: PartnerCenterReason;
}

/** What became of a submitted customer in Partner Center. Every value is plain text. */
export type PartnerCenterOutcomeModel = CustomerCreatedModel | CustomerRejectedModel | AgreementRefusedModel;

/**
 * The message the agent who submitted gets when Partner Center has answered: created (with the
 * admin's temporary password, in a TextRun, whose text is never markdown, so it is shown and copied
 * exactly as Partner Center gave it, without escapes), rejected (with "Add it again"), or the
 * agreement refused.
 */
export function partnerCenterOutcomeCard(say: Say, model: PartnerCenterOutcomeModel): AdaptiveCardJson {
  const named = asTextParams({ legalName: model.legalName });
  const domainFact = { title: say('card.creation.fact.domain'), value: model.domain };
  const customerIdFact = (id: string | undefined) =>
    id ? [{ title: say('card.creation.fact.customerId'), value: id }] : [];
  switch (model.kind) {
    case 'created':
      return draw({
        titleColor: 'Good',
        title: say('card.creation.created.title', named),
        lead: [say('card.creation.created.intro')],
        facts: [
          domainFact,
          ...customerIdFact(model.partnerCenterCustomerId),
          { title: say('card.creation.fact.adminSignInName'), value: model.admin.userName },
        ],
        password: model.admin.password,
        notes: [
          say(
            model.agreement === 'attested'
              ? 'card.creation.created.agreementAttested'
              : 'card.creation.created.agreementByCustomer',
          ),
          say('card.creation.created.underReview'),
        ],
        say,
      });
    case 'rejected':
      return draw({
        titleColor: 'Attention',
        title: say('card.creation.rejected.title', named),
        lead: reasonLines(say, model.reason),
        facts: [domainFact],
        notes: [say('card.creation.rejected.nothingCreated')],
        addAgain: { customerId: model.customerId },
        say,
      });
    case 'agreementRefused':
      return draw({
        titleColor: 'Attention',
        title: say('card.creation.agreementRefused.title', named),
        lead: [say('card.creation.agreementRefused.exists'), ...reasonLines(say, model.reason)],
        facts: [domainFact, ...customerIdFact(model.partnerCenterCustomerId)],
        notes: [say('card.creation.agreementRefused.confirm')],
        say,
      });
  }
}

/**
 * The line Teams shows in its notification of the message: plain text, not markdown, and never the
 * password.
 */
export function partnerCenterOutcomeSummary(say: Say, model: PartnerCenterOutcomeModel): string {
  const params = { legalName: model.legalName };
  switch (model.kind) {
    case 'created':
      return say('card.creation.created.summary', params);
    case 'rejected':
      return say('card.creation.rejected.summary', params);
    case 'agreementRefused':
      return say('card.creation.agreementRefused.summary', params);
  }
}

/** Partner Center's description, quoted as it gave it (escaped, so it stays text), and its code. */
export function reasonLines(say: Say, reason: PartnerCenterReason | undefined): string[] {
  if (!reason || reason.description.trim() === '') return [];
  return [
    reason.code
      ? say('card.creation.reason', asTextParams({ description: reason.description, code: reason.code }))
      : say('card.creation.reasonWithoutCode', asTextParams({ description: reason.description })),
  ];
}

function draw(parts: {
  titleColor: 'Good' | 'Attention';
  title: string;
  lead: string[];
  facts: Fact[];
  password?: string;
  notes: string[];
  /** The button that starts a new draft from the refused customer's record. */
  addAgain?: { customerId: string };
  say: Say;
}): AdaptiveCardJson {
  const { say } = parts;
  const facts = parts.facts.filter((fact) => fact.value.trim() !== '').map(asTextFact);
  const hasPassword = parts.password !== undefined && parts.password !== '';
  return fill({
    titleColor: parts.titleColor,
    lead: parts.lead,
    hasFacts: facts.length > 0,
    facts,
    hasPassword,
    // A TextRun is never markdown: the password is shown exactly, with nothing escaped.
    password: hasPassword ? parts.password : null,
    notes: parts.notes,
    hasAddAgain: parts.addAgain !== undefined,
    customerId: parts.addAgain?.customerId ?? null,
    t: {
      title: parts.title,
      ...(parts.addAgain ? { addAgain: say('card.creation.rejected.addAgain') } : {}),
      ...(hasPassword
        ? {
            password: say('card.creation.password'),
            passwordOnce: say('card.creation.created.passwordOnce'),
            passwordChange: say('card.creation.created.passwordChange'),
          }
        : {}),
    },
  });
}
