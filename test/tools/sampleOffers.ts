/**
 * Makes services/catalogue/data/offers.json, the sample offer catalogue the bot ships with: the
 * offers a CSP partner sells, at the scale of a real price list (Microsoft 365, Dynamics 365, Power
 * Platform, Windows 365, Azure, software subscriptions, add-ons and country-bound calling plans,
 * over every term and billing frequency). It is sample data: the names are Microsoft's, the SKUs
 * are made up in Partner Center's format, and limits, availability and sales ranks are illustrative.
 *
 *   npx tsc -p tsconfig.json
 *   node dist/test/tools/sampleOffers.js
 *
 * The same input always gives the same file (no randomness: SKUs come from a hash of the product's
 * key); test/unit/offerCatalogue.test.ts checks that the committed file is what this makes.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countryCodes } from '../../services/countries/countryRules';
import { sayIn } from '../../messages/catalogue';
import type { Offer } from '../../services/catalogue/schemas';
import type { BillingCycle, Term } from '../../services/catalogue/terms';

/** An offer as the offers file holds it: the catalogue's own schema, declared once. */
export type SampleOffer = Offer;

interface Plan {
  terms: Term[];
  billingCycles: BillingCycle[];
}

const monthOrYear: Plan = { terms: ['P1M', 'P1Y'], billingCycles: ['monthly', 'annual'] };
const upToThreeYears: Plan = {
  terms: ['P1M', 'P1Y', 'P3Y'],
  billingCycles: ['monthly', 'annual', 'triennial'],
};
const yearOrThree: Plan = { terms: ['P1Y', 'P3Y'], billingCycles: ['monthly', 'annual', 'triennial'] };
const monthOnly: Plan = { terms: ['P1M'], billingCycles: ['monthly'] };
const yearOnly: Plan = { terms: ['P1Y'], billingCycles: ['monthly', 'annual'] };
const software: Plan = { terms: ['P1Y', 'P3Y'], billingCycles: ['annual', 'triennial'] };

const everywhere = ['*'];
/** The European Economic Area and Switzerland, where the "EEA (no Teams)" suites are sold. */
const eea = [
  'AT',
  'BE',
  'CH',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'IE',
  'IS',
  'IT',
  'LU',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
];
const dynamicsMarkets = [
  ...['US', 'CA', 'MX', 'GB', 'IE', 'NL', 'BE', 'LU', 'DE', 'AT', 'CH', 'FR', 'ES', 'PT', 'IT'],
  ...['DK', 'SE', 'NO', 'FI', 'PL', 'AU', 'NZ', 'JP', 'SG', 'ZA', 'AE'],
];
const businessCentralMarkets = [
  ...['US', 'CA', 'MX', 'GB', 'IE', 'NL', 'BE', 'DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'DK', 'SE'],
  ...['NO', 'FI', 'IS', 'AU', 'NZ', 'IN', 'PL'],
];

type Fields = Omit<SampleOffer, 'sku' | 'salesRank' | 'prerequisiteOfferIds' | 'isAddOn'> & {
  prerequisiteOfferIds?: string[];
  /** The product the SKU belongs to; variants of one product share its product id. */
  product?: string;
};

const offers: (SampleOffer & { product: string })[] = [];

function offer(fields: Fields): void {
  const { product, prerequisiteOfferIds = [], ...rest } = fields;
  offers.push({
    ...rest,
    sku: '',
    isAddOn: prerequisiteOfferIds.length > 0,
    prerequisiteOfferIds,
    salesRank: {},
    product: product ?? fields.id,
  });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// The offers the bot shipped with first, unchanged: tests, screenshots and the README name them.
const m365Business = ['m365-business-basic', 'm365-business-standard', 'm365-business-premium'];
const enterpriseSuites = ['o365-e1', 'o365-e3', 'o365-e5', 'm365-e3', 'm365-e5'];
/** What a calling plan needs: a licence that includes Teams Phone (not an add-on, so never a chain of them). */
const teamsPhoneIncluded = [
  'm365-e5',
  'o365-e5',
  'teams-phone-with-calling-plan',
  'teams-phone-resource-account',
];

function coreOffers(): void {
  const business = (id: string, name: string, description: string) =>
    offer({
      id,
      name,
      productFamily: 'Microsoft 365',
      description,
      minQuantity: 1,
      maxQuantity: 300,
      ...monthOrYear,
      countries: everywhere,
    });
  business(
    'm365-business-basic',
    'Microsoft 365 Business Basic',
    'Web and mobile Office apps, Teams, Exchange mailbox and 1 TB OneDrive for small businesses.',
  );
  business(
    'm365-business-standard',
    'Microsoft 365 Business Standard',
    'Business Basic plus the desktop Office apps, webinars and Bookings.',
  );
  business(
    'm365-business-premium',
    'Microsoft 365 Business Premium',
    'Business Standard plus Intune, Entra ID P1 and Defender for Business.',
  );
  business(
    'm365-apps-for-business',
    'Microsoft 365 Apps for business',
    'Desktop Office apps and 1 TB OneDrive, without business email.',
  );
  const enterprise = (id: string, name: string, description: string, plan: Plan) =>
    offer({
      id,
      name,
      productFamily: 'Microsoft 365',
      description,
      minQuantity: 1,
      maxQuantity: 5000,
      ...plan,
      countries: everywhere,
    });
  enterprise(
    'o365-e1',
    'Office 365 E1',
    'Web Office apps, Teams, Exchange mailbox and SharePoint for enterprises.',
    upToThreeYears,
  );
  enterprise(
    'o365-e3',
    'Office 365 E3',
    'E1 plus the desktop Office apps, a 100 GB mailbox and archiving.',
    upToThreeYears,
  );
  enterprise(
    'o365-e5',
    'Office 365 E5',
    'E3 plus Teams Phone, Audio Conferencing and Defender for Office 365.',
    yearOrThree,
  );
  enterprise(
    'm365-e3',
    'Microsoft 365 E3',
    'Office 365 E3 plus Windows Enterprise, Intune and Entra ID P1.',
    upToThreeYears,
  );
  enterprise(
    'm365-e5',
    'Microsoft 365 E5',
    'Microsoft 365 E3 plus advanced security, compliance, Power BI Pro and Teams Phone.',
    yearOrThree,
  );
  offer({
    id: 'm365-f3',
    name: 'Microsoft 365 F3',
    productFamily: 'Microsoft 365',
    description: 'Web and mobile apps, Teams and Windows Enterprise for frontline workers.',
    minQuantity: 1,
    maxQuantity: 10000,
    ...monthOrYear,
    countries: everywhere,
  });
  offer({
    id: 'exchange-online-plan-1',
    name: 'Exchange Online (Plan 1)',
    productFamily: 'Microsoft 365',
    description: 'Business email with a 50 GB mailbox, calendar and contacts.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
  });
  offer({
    id: 'teams-phone-standard',
    name: 'Teams Phone Standard',
    productFamily: 'Microsoft 365',
    description: 'Cloud phone system in Teams; calling plans or Operator Connect are bought separately.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
    prerequisiteOfferIds: ['o365-e1', 'o365-e3', 'm365-e3', 'm365-f3', ...m365Business],
  });
  offer({
    id: 'm365-audio-conferencing',
    name: 'Microsoft 365 Audio Conferencing',
    productFamily: 'Microsoft 365',
    description: 'Dial-in numbers for Teams meetings.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
    prerequisiteOfferIds: ['o365-e1', 'o365-e3', 'm365-e3', ...m365Business],
  });
  offer({
    id: 'defender-office-365-plan-1',
    name: 'Microsoft Defender for Office 365 (Plan 1)',
    productFamily: 'Microsoft 365',
    description: 'Safe Links, Safe Attachments and anti-phishing for email and collaboration.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
    prerequisiteOfferIds: [
      'exchange-online-plan-1',
      'o365-e1',
      'o365-e3',
      'm365-e3',
      'm365-business-basic',
      'm365-business-standard',
    ],
  });
  offer({
    id: 'exchange-online-archiving',
    name: 'Exchange Online Archiving for Exchange Online',
    productFamily: 'Microsoft 365',
    description: 'Unlimited archive and legal hold for Exchange Online mailboxes.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
    prerequisiteOfferIds: [
      'exchange-online-plan-1',
      'o365-e1',
      'm365-business-basic',
      'm365-business-standard',
    ],
  });
  offer({
    id: 'dynamics-365-sales-enterprise',
    name: 'Dynamics 365 Sales Enterprise',
    productFamily: 'Dynamics 365',
    description: 'Sales force automation with forecasting and sales insights.',
    minQuantity: 1,
    maxQuantity: 1000,
    ...monthOrYear,
    countries: dynamicsMarkets,
  });
  offer({
    id: 'dynamics-365-customer-service-enterprise',
    name: 'Dynamics 365 Customer Service Enterprise',
    productFamily: 'Dynamics 365',
    description: 'Case management, knowledge base and service-level agreements.',
    minQuantity: 1,
    maxQuantity: 1000,
    ...monthOrYear,
    countries: everywhere,
  });
  offer({
    id: 'dynamics-365-business-central-essentials',
    name: 'Dynamics 365 Business Central Essentials',
    productFamily: 'Dynamics 365',
    description: 'Finance, sales, purchasing and inventory for small and medium businesses.',
    minQuantity: 1,
    maxQuantity: 500,
    ...monthOrYear,
    countries: businessCentralMarkets,
  });
  offer({
    id: 'dynamics-365-team-members',
    name: 'Dynamics 365 Team Members',
    productFamily: 'Dynamics 365',
    description: 'Light use of Dynamics 365 apps: read data, approve, report time and expenses.',
    minQuantity: 1,
    maxQuantity: 2000,
    ...monthOrYear,
    countries: everywhere,
    prerequisiteOfferIds: [
      'dynamics-365-sales-enterprise',
      'dynamics-365-customer-service-enterprise',
      'dynamics-365-business-central-essentials',
    ],
  });
  offer({
    id: 'power-bi-pro',
    name: 'Power BI Pro',
    productFamily: 'Power Platform',
    description: 'Self-service analytics: publish and share reports and dashboards.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...monthOrYear,
    countries: everywhere,
  });
  offer({
    id: 'azure-plan',
    name: 'Azure plan',
    productFamily: 'Azure',
    description: 'Pay-as-you-go access to Azure services, billed monthly by consumption.',
    minQuantity: 1,
    maxQuantity: 1,
    ...monthOnly,
    countries: everywhere,
  });
}

/** The suites sold without Teams, worldwide and in the European Economic Area. */
function suitesWithoutTeams(): void {
  const bases: [string, string, number, Plan][] = [
    ['m365-business-basic', 'Microsoft 365 Business Basic', 300, monthOrYear],
    ['m365-business-standard', 'Microsoft 365 Business Standard', 300, monthOrYear],
    ['m365-business-premium', 'Microsoft 365 Business Premium', 300, monthOrYear],
    ['o365-e1', 'Office 365 E1', 5000, upToThreeYears],
    ['o365-e3', 'Office 365 E3', 5000, upToThreeYears],
    ['o365-e5', 'Office 365 E5', 5000, yearOrThree],
    ['m365-e3', 'Microsoft 365 E3', 5000, upToThreeYears],
    ['m365-e5', 'Microsoft 365 E5', 5000, yearOrThree],
  ];
  for (const [base, name, max, plan] of bases) {
    offer({
      id: `${base}-no-teams`,
      product: base,
      name: `${name} (no Teams)`,
      productFamily: 'Microsoft 365',
      description: `${name} without Microsoft Teams; add Teams Enterprise where the customer wants it.`,
      minQuantity: 1,
      maxQuantity: max,
      ...plan,
      countries: everywhere,
    });
    offer({
      id: `${base}-eea-no-teams`,
      product: base,
      name: `${name} EEA (no Teams)`,
      productFamily: 'Microsoft 365',
      description: `${name} without Microsoft Teams, for customers in the European Economic Area.`,
      minQuantity: 1,
      maxQuantity: max,
      ...plan,
      countries: eea,
    });
  }
}

/** Nonprofit and education pricing of the suites and of a few apps. */
function nonprofitAndEducation(): void {
  const nonprofit: [string, string, number][] = [
    ['m365-business-basic', 'Microsoft 365 Business Basic', 300],
    ['m365-business-standard', 'Microsoft 365 Business Standard', 300],
    ['m365-business-premium', 'Microsoft 365 Business Premium', 300],
    ['m365-e3', 'Microsoft 365 E3', 5000],
    ['m365-e5', 'Microsoft 365 E5', 5000],
    ['power-bi-pro', 'Power BI Pro', 5000],
    ['visio-plan-2', 'Visio Plan 2', 5000],
    ['project-plan-3', 'Project Plan 3', 5000],
  ];
  for (const [base, name, max] of nonprofit) {
    offer({
      id: `${base}-nonprofit`,
      product: base,
      name: `${name} (Nonprofit Staff Pricing)`,
      productFamily: base.startsWith('power') ? 'Power Platform' : 'Microsoft 365',
      description: `${name} at nonprofit staff pricing, for eligible nonprofit organisations.`,
      minQuantity: 1,
      maxQuantity: max,
      ...monthOrYear,
      countries: everywhere,
    });
  }
  for (const base of ['m365-business-basic', 'm365-business-premium']) {
    const name =
      base === 'm365-business-basic' ? 'Microsoft 365 Business Basic' : 'Microsoft 365 Business Premium';
    offer({
      id: `${base}-nonprofit-grant`,
      product: base,
      name: `${name} (Nonprofit Grant)`,
      productFamily: 'Microsoft 365',
      description: `${name} donated to eligible nonprofit organisations, up to the grant's number of licences.`,
      minQuantity: 1,
      maxQuantity: base === 'm365-business-basic' ? 300 : 10,
      ...yearOnly,
      countries: everywhere,
    });
  }
  const education: [string, string][] = [
    ['m365-a1', 'Microsoft 365 A1'],
    ['m365-a3', 'Microsoft 365 A3'],
    ['m365-a5', 'Microsoft 365 A5'],
    ['o365-a1', 'Office 365 A1'],
    ['o365-a3', 'Office 365 A3'],
    ['o365-a5', 'Office 365 A5'],
  ];
  for (const [base, name] of education) {
    for (const who of ['faculty', 'students'] as const) {
      offer({
        id: `${base}-${who}`,
        product: base,
        name: `${name} for ${who}`,
        productFamily: 'Microsoft 365',
        description: `${name} for ${who} of accredited schools, colleges and universities.`,
        minQuantity: 1,
        maxQuantity: 100000,
        ...monthOrYear,
        countries: everywhere,
      });
      if (!base.endsWith('a1')) {
        offer({
          id: `${base}-${who}-no-teams`,
          product: base,
          name: `${name} for ${who} (no Teams)`,
          productFamily: 'Microsoft 365',
          description: `${name} for ${who}, without Microsoft Teams.`,
          minQuantity: 1,
          maxQuantity: 100000,
          ...monthOrYear,
          countries: everywhere,
        });
      }
    }
  }
  for (const [base, name, family] of [
    ['power-bi-pro', 'Power BI Pro', 'Power Platform'],
    ['power-apps-premium', 'Power Apps Premium', 'Power Platform'],
    ['power-automate-premium', 'Power Automate Premium', 'Power Platform'],
    ['visio-plan-1', 'Visio Plan 1', 'Microsoft 365'],
    ['visio-plan-2', 'Visio Plan 2', 'Microsoft 365'],
    ['project-plan-1', 'Project Plan 1', 'Microsoft 365'],
    ['project-plan-3', 'Project Plan 3', 'Microsoft 365'],
    ['project-plan-5', 'Project Plan 5', 'Microsoft 365'],
    ['exchange-online-plan-1', 'Exchange Online (Plan 1)', 'Microsoft 365'],
    ['exchange-online-plan-2', 'Exchange Online (Plan 2)', 'Microsoft 365'],
    ['m365-copilot', 'Microsoft 365 Copilot', 'Microsoft 365'],
    ['ems-e3', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security'],
    ['ems-e5', 'Enterprise Mobility + Security E5', 'Enterprise Mobility + Security'],
    ['entra-id-p1', 'Microsoft Entra ID P1', 'Enterprise Mobility + Security'],
    ['intune-plan-1', 'Microsoft Intune Plan 1', 'Enterprise Mobility + Security'],
    ['defender-endpoint-plan-2', 'Microsoft Defender for Endpoint P2', 'Enterprise Mobility + Security'],
    ['windows-11-enterprise-e3', 'Windows 11 Enterprise E3', 'Windows'],
    ['windows-11-enterprise-e5', 'Windows 11 Enterprise E5', 'Windows'],
  ] as const) {
    offer({
      id: `${base}-faculty`,
      product: base,
      name: `${name} for faculty`,
      productFamily: family,
      description: `${name} at education pricing, for faculty and staff of accredited institutions.`,
      minQuantity: 1,
      maxQuantity: 10000,
      ...monthOrYear,
      countries: everywhere,
      ...(base === 'm365-copilot' ? { prerequisiteOfferIds: ['m365-a3-faculty', 'm365-a5-faculty'] } : {}),
    });
  }
}

/** Student pricing of the apps students use on their own, and nonprofit pricing of Dynamics 365. */
function studentsAndNonprofitDynamics(): void {
  for (const [base, name, family] of [
    ['power-bi-pro', 'Power BI Pro', 'Power Platform'],
    ['visio-plan-2', 'Visio Plan 2', 'Microsoft 365'],
    ['project-plan-3', 'Project Plan 3', 'Microsoft 365'],
    ['exchange-online-plan-1', 'Exchange Online (Plan 1)', 'Microsoft 365'],
    ['ems-e3', 'Enterprise Mobility + Security E3', 'Enterprise Mobility + Security'],
    ['windows-11-enterprise-e3', 'Windows 11 Enterprise E3', 'Windows'],
    ['m365-copilot', 'Microsoft 365 Copilot', 'Microsoft 365'],
  ] as const) {
    offer({
      id: `${base}-students`,
      product: base,
      name: `${name} for students`,
      productFamily: family,
      description: `${name} at education pricing, for students of accredited institutions.`,
      minQuantity: 1,
      maxQuantity: 100000,
      ...monthOrYear,
      countries: everywhere,
      ...(base === 'm365-copilot' ? { prerequisiteOfferIds: ['m365-a3-students', 'm365-a5-students'] } : {}),
    });
  }
  for (const [base, name] of [
    ['dynamics-365-sales-enterprise', 'Dynamics 365 Sales Enterprise'],
    ['dynamics-365-sales-professional', 'Dynamics 365 Sales Professional'],
    ['dynamics-365-customer-service-enterprise', 'Dynamics 365 Customer Service Enterprise'],
    ['dynamics-365-field-service', 'Dynamics 365 Field Service'],
    ['dynamics-365-marketing', 'Dynamics 365 Marketing'],
    ['dynamics-365-business-central-premium', 'Dynamics 365 Business Central Premium'],
  ] as const) {
    offer({
      id: `${base}-nonprofit`,
      product: base,
      name: `${name} (Nonprofit Pricing)`,
      productFamily: 'Dynamics 365',
      description: `${name} at nonprofit pricing, for eligible nonprofit organisations.`,
      minQuantity: 1,
      maxQuantity: base.endsWith('marketing') ? 10 : 1000,
      ...monthOrYear,
      countries: base.includes('business-central') ? businessCentralMarkets : dynamicsMarkets,
    });
  }
  for (const [base, name, plan] of [
    ['m365-business-standard', 'Microsoft 365 Business Standard', monthOrYear],
    ['m365-business-premium', 'Microsoft 365 Business Premium', monthOrYear],
    ['m365-e3', 'Microsoft 365 E3', upToThreeYears],
    ['m365-e5', 'Microsoft 365 E5', yearOrThree],
  ] as const) {
    offer({
      id: `${base}-and-copilot`,
      product: base,
      name: `${name} and Microsoft 365 Copilot`,
      productFamily: 'Microsoft 365',
      description: `${name} with Microsoft 365 Copilot in one licence.`,
      minQuantity: 1,
      maxQuantity: base.startsWith('m365-business') ? 300 : 5000,
      ...plan,
      countries: everywhere,
    });
  }
}

/** Frontline suites, apps, mail, storage, Teams, security, Copilot and Viva. */
function microsoft365(): void {
  const m365 = (fields: Omit<Fields, 'productFamily' | 'countries'> & { countries?: string[] }) =>
    offer({ productFamily: 'Microsoft 365', countries: everywhere, ...fields });
  m365({
    id: 'm365-f1',
    name: 'Microsoft 365 F1',
    description: 'Teams, SharePoint and Windows Enterprise for frontline workers, without Office apps.',
    minQuantity: 1,
    maxQuantity: 10000,
    ...monthOrYear,
  });
  m365({
    id: 'o365-f3',
    name: 'Office 365 F3',
    description: 'Web and mobile Office apps, Teams and a 2 GB mailbox for frontline workers.',
    minQuantity: 1,
    maxQuantity: 10000,
    ...monthOrYear,
  });
  for (const [id, name, description] of [
    [
      'm365-f5-security',
      'Microsoft 365 F5 Security',
      'The security of Microsoft 365 E5 for frontline workers.',
    ],
    [
      'm365-f5-compliance',
      'Microsoft 365 F5 Compliance',
      'The compliance of Microsoft 365 E5 for frontline workers.',
    ],
    [
      'm365-f5-security-compliance',
      'Microsoft 365 F5 Security + Compliance',
      'The security and compliance of Microsoft 365 E5 for frontline workers.',
    ],
  ] as const) {
    m365({
      id,
      name,
      description,
      minQuantity: 1,
      maxQuantity: 10000,
      ...monthOrYear,
      prerequisiteOfferIds: ['m365-f1', 'm365-f3'],
    });
  }
  m365({
    id: 'm365-apps-for-enterprise',
    name: 'Microsoft 365 Apps for enterprise',
    description: 'Desktop Office apps with enterprise management and 1 TB OneDrive.',
    minQuantity: 1,
    maxQuantity: 5000,
    ...upToThreeYears,
  });
  const apps: [string, string, string, Plan][] = [
    ['visio-plan-1', 'Visio Plan 1', 'Diagrams in the browser and in Teams.', monthOrYear],
    [
      'visio-plan-2',
      'Visio Plan 2',
      'Visio Plan 1 plus the desktop app and advanced diagram types.',
      monthOrYear,
    ],
    ['project-plan-1', 'Project Plan 1', 'Plan and manage projects in the browser.', monthOrYear],
    [
      'project-plan-3',
      'Project Plan 3',
      'Project Plan 1 plus the desktop client, resources and roadmaps.',
      monthOrYear,
    ],
    [
      'project-plan-5',
      'Project Plan 5',
      'Project Plan 3 plus portfolio selection and demand management.',
      monthOrYear,
    ],
    [
      'project-online-essentials',
      'Project Online Essentials',
      'Update tasks and timesheets in Project Online.',
      monthOrYear,
    ],
    ['planner-plan-1', 'Planner Plan 1', 'Plans with task boards, timelines and goals.', monthOrYear],
    [
      'exchange-online-plan-2',
      'Exchange Online (Plan 2)',
      'Plan 1 plus a 100 GB mailbox, archiving and data loss prevention.',
      upToThreeYears,
    ],
    [
      'exchange-online-kiosk',
      'Exchange Online Kiosk',
      'A 2 GB web mailbox for frontline workers.',
      monthOrYear,
    ],
    [
      'exchange-online-protection',
      'Exchange Online Protection',
      'Anti-spam and anti-malware filtering for on-premises mail.',
      monthOrYear,
    ],
    [
      'sharepoint-plan-1',
      'SharePoint (Plan 1)',
      'Team sites, document libraries and 1 TB OneDrive per user.',
      monthOrYear,
    ],
    [
      'sharepoint-plan-2',
      'SharePoint (Plan 2)',
      'SharePoint Plan 1 plus eDiscovery and unlimited OneDrive.',
      monthOrYear,
    ],
    [
      'onedrive-plan-1',
      'OneDrive for business (Plan 1)',
      '1 TB of cloud storage per user with sharing.',
      monthOrYear,
    ],
    [
      'teams-essentials',
      'Microsoft Teams Essentials',
      'Teams meetings, chat and files for small businesses.',
      monthOrYear,
    ],
    [
      'teams-enterprise',
      'Microsoft Teams Enterprise',
      'Teams for the suites sold without Teams.',
      upToThreeYears,
    ],
    [
      'teams-rooms-pro',
      'Microsoft Teams Rooms Pro',
      'Teams meetings, management and support for one meeting room device.',
      monthOrYear,
    ],
    [
      'teams-rooms-pro-no-audio-conferencing',
      'Microsoft Teams Rooms Pro without Audio Conferencing',
      'Teams Rooms Pro for one room, without dial-in conferencing.',
      monthOrYear,
    ],
    [
      'teams-shared-devices',
      'Microsoft Teams Shared Devices',
      'Teams on common area phones and shared displays.',
      monthOrYear,
    ],
    [
      'teams-phone-resource-account',
      'Microsoft Teams Phone Resource Account',
      'A phone number for an auto attendant or a call queue.',
      monthOrYear,
    ],
    [
      'teams-phone-with-calling-plan',
      'Microsoft Teams Phone with Calling Plan',
      'Teams Phone and a domestic calling plan in one licence.',
      monthOrYear,
    ],
  ];
  for (const [id, name, description, plan] of apps) {
    m365({
      id,
      name,
      description,
      minQuantity: 1,
      maxQuantity: id.startsWith('teams-rooms') ? 1000 : 5000,
      ...plan,
    });
  }
  const suites = [...enterpriseSuites, ...m365Business, 'm365-f3'];
  const addOns: [string, string, string, string[], number][] = [
    [
      'teams-premium',
      'Microsoft Teams Premium',
      'Intelligent recap, branded meetings, webinars and advanced protection.',
      suites,
      1,
    ],
    [
      'teams-phone-frontline',
      'Microsoft Teams Phone Standard for Frontline Workers',
      'Teams Phone for frontline workers.',
      ['m365-f1', 'm365-f3', 'o365-f3'],
      1,
    ],
    [
      'teams-international-calling-plan',
      'Microsoft Teams International Calling Plan',
      'International minutes for users with a domestic calling plan.',
      teamsPhoneIncluded,
      1,
    ],
    [
      'teams-communication-credits',
      'Microsoft Teams Communication Credits',
      'Prepaid credit for toll-free numbers and calls beyond the plan.',
      teamsPhoneIncluded,
      1,
    ],
    [
      'office-365-extra-file-storage',
      'Office 365 Extra File Storage',
      'Extra SharePoint storage for the organisation, per GB.',
      [...enterpriseSuites, ...m365Business, 'sharepoint-plan-1', 'sharepoint-plan-2'],
      1,
    ],
    [
      'defender-office-365-plan-2',
      'Microsoft Defender for Office 365 (Plan 2)',
      'Plan 1 plus threat hunting, automated investigation and attack simulation.',
      ['exchange-online-plan-1', 'exchange-online-plan-2', ...enterpriseSuites, ...m365Business],
      1,
    ],
    [
      'm365-e5-security',
      'Microsoft 365 E5 Security',
      'The security of Microsoft 365 E5 for Microsoft 365 E3 users.',
      ['m365-e3', 'm365-e3-no-teams', 'm365-business-premium'],
      1,
    ],
    [
      'm365-e5-compliance',
      'Microsoft 365 E5 Compliance',
      'The compliance of Microsoft 365 E5 for Microsoft 365 E3 users.',
      ['m365-e3', 'm365-e3-no-teams', 'o365-e3'],
      1,
    ],
    [
      'm365-e5-information-protection-governance',
      'Microsoft 365 E5 Information Protection and Governance',
      'Sensitivity labels, data loss prevention and records management.',
      ['m365-e3', 'o365-e3', 'm365-business-premium'],
      1,
    ],
    [
      'm365-e5-ediscovery-audit',
      'Microsoft 365 E5 eDiscovery and Audit',
      'Premium eDiscovery and audit for Microsoft 365 E3 users.',
      ['m365-e3', 'o365-e3'],
      1,
    ],
    [
      'm365-e5-insider-risk-management',
      'Microsoft 365 E5 Insider Risk Management',
      'Insider risk and communication compliance.',
      ['m365-e3', 'o365-e3'],
      1,
    ],
    [
      'm365-copilot',
      'Microsoft 365 Copilot',
      'Generative AI in Word, Excel, PowerPoint, Outlook and Teams.',
      [...enterpriseSuites, ...m365Business, 'm365-apps-for-business', 'm365-apps-for-enterprise'],
      1,
    ],
    [
      'copilot-for-sales',
      'Microsoft Copilot for Sales',
      'Copilot with CRM data in Outlook and Teams.',
      ['dynamics-365-sales-enterprise', 'dynamics-365-sales-premium', 'dynamics-365-sales-professional'],
      1,
    ],
    [
      'copilot-for-service',
      'Microsoft Copilot for Service',
      'Copilot with service data for agents.',
      [
        'dynamics-365-customer-service-enterprise',
        'dynamics-365-customer-service-premium',
        'dynamics-365-customer-service-professional',
      ],
      1,
    ],
    [
      'copilot-for-finance',
      'Microsoft Copilot for Finance',
      'Copilot for reconciliation and variance analysis.',
      [
        'dynamics-365-finance',
        'dynamics-365-business-central-essentials',
        'dynamics-365-business-central-premium',
      ],
      1,
    ],
    [
      'clipchamp',
      'Microsoft Clipchamp',
      "Video editing with the organisation's brand kit.",
      [...m365Business, ...enterpriseSuites],
      1,
    ],
  ];
  for (const [id, name, description, bases, min] of addOns) {
    m365({
      id,
      name,
      description,
      minQuantity: min,
      maxQuantity: id === 'office-365-extra-file-storage' ? 100000 : 5000,
      ...(id.startsWith('m365-e5') || id === 'm365-copilot' ? yearOrThree : monthOrYear),
      prerequisiteOfferIds: bases,
    });
  }
  const viva: [string, string][] = [
    ['viva-suite', 'Microsoft Viva Suite'],
    ['viva-insights', 'Microsoft Viva Insights'],
    ['viva-learning', 'Microsoft Viva Learning'],
    ['viva-engage-communications', 'Microsoft Viva Engage Communications and Communities'],
    ['viva-glint', 'Microsoft Viva Glint'],
    ['viva-pulse', 'Microsoft Viva Pulse'],
    ['viva-goals', 'Microsoft Viva Goals'],
    ['viva-workplace-analytics', 'Microsoft Viva Workplace Analytics and Employee Feedback'],
  ];
  for (const [id, name] of viva) {
    m365({
      id,
      name,
      description: `${name.replace('Microsoft ', '')} for employee experience, in Teams and Microsoft 365.`,
      minQuantity: 1,
      maxQuantity: 10000,
      ...monthOrYear,
      prerequisiteOfferIds: [...enterpriseSuites, ...m365Business, 'm365-f1', 'm365-f3'],
    });
  }
}

/** Domestic, international and pay-as-you-go calling plans, each sold in its own country. */
function callingPlans(): void {
  for (const code of countryCodes()) {
    const name = sayIn('en').text({ country: code });
    const local = (id: string, plan: string, description: string) =>
      offer({
        id: `teams-${id}-calling-plan-${code.toLowerCase()}`,
        product: `teams-${id}-calling-plan`,
        name: `Microsoft Teams ${plan} Calling Plan (${name})`,
        productFamily: 'Microsoft 365',
        description,
        minQuantity: 1,
        maxQuantity: 5000,
        ...monthOrYear,
        countries: [code],
        prerequisiteOfferIds: teamsPhoneIncluded,
      });
    local('domestic', 'Domestic', `Phone numbers and domestic minutes in ${name} for Teams Phone users.`);
    local(
      'domestic-international',
      'Domestic and International',
      `Phone numbers in ${name}, domestic and international minutes for Teams Phone users.`,
    );
    local('pay-as-you-go', 'Pay-As-You-Go', `Phone numbers in ${name}; minutes from communication credits.`);
    local(
      'domestic-120',
      'Domestic (120 minutes)',
      `Phone numbers in ${name} and 120 domestic minutes a month.`,
    );
  }
}

/** Entra ID, Intune, Defender and the Enterprise Mobility + Security suites. */
function enterpriseMobilityAndSecurity(): void {
  const ems = (
    fields: Omit<
      Fields,
      'productFamily' | 'countries' | 'minQuantity' | 'maxQuantity' | 'terms' | 'billingCycles'
    > & { plan?: Plan },
  ) => {
    const { plan = monthOrYear, ...rest } = fields;
    offer({
      productFamily: 'Enterprise Mobility + Security',
      countries: everywhere,
      minQuantity: 1,
      maxQuantity: 10000,
      ...plan,
      ...rest,
    });
  };
  ems({
    id: 'ems-e3',
    name: 'Enterprise Mobility + Security E3',
    description: 'Intune, Entra ID P1 and Azure Information Protection.',
    plan: upToThreeYears,
  });
  ems({
    id: 'ems-e5',
    name: 'Enterprise Mobility + Security E5',
    description: 'EMS E3 plus Entra ID P2, Defender for Identity and Defender for Cloud Apps.',
    plan: yearOrThree,
  });
  ems({
    id: 'entra-id-p1',
    name: 'Microsoft Entra ID P1',
    description: 'Conditional Access, group-based access and hybrid identity.',
  });
  ems({
    id: 'entra-id-p2',
    name: 'Microsoft Entra ID P2',
    description: 'Entra ID P1 plus Identity Protection and Privileged Identity Management.',
  });
  ems({
    id: 'entra-id-governance',
    name: 'Microsoft Entra ID Governance',
    description: 'Lifecycle workflows, access reviews and entitlement management.',
    prerequisiteOfferIds: [
      'entra-id-p1',
      'entra-id-p2',
      'ems-e3',
      'ems-e5',
      'm365-e3',
      'm365-e5',
      'm365-business-premium',
    ],
  });
  ems({
    id: 'entra-suite',
    name: 'Microsoft Entra Suite',
    description: 'Private Access, Internet Access, ID Governance and Verified ID.',
    prerequisiteOfferIds: [
      'entra-id-p1',
      'entra-id-p2',
      'ems-e3',
      'ems-e5',
      'm365-e3',
      'm365-e5',
      'm365-business-premium',
    ],
  });
  ems({
    id: 'intune-plan-1',
    name: 'Microsoft Intune Plan 1',
    description: 'Device and app management for Windows, macOS, iOS and Android.',
  });
  const intuneBases = [
    'intune-plan-1',
    'ems-e3',
    'ems-e5',
    'm365-e3',
    'm365-e5',
    'm365-business-premium',
    'm365-f1',
    'm365-f3',
  ];
  for (const [id, name, description] of [
    [
      'intune-plan-2',
      'Microsoft Intune Plan 2',
      'Tunnel for mobile apps, specialised devices and firmware updates.',
    ],
    [
      'intune-suite',
      'Microsoft Intune Suite',
      'Every Intune add-on: Remote Help, Endpoint Privilege Management and more.',
    ],
    ['intune-remote-help', 'Microsoft Intune Remote Help', 'Secure help desk sessions on managed devices.'],
    [
      'intune-endpoint-privilege-management',
      'Microsoft Intune Endpoint Privilege Management',
      'Just-in-time elevation for standard users.',
    ],
    [
      'intune-advanced-analytics',
      'Microsoft Intune Advanced Analytics',
      'Device timelines, anomaly detection and battery health.',
    ],
  ] as const) {
    ems({ id, name, description, prerequisiteOfferIds: intuneBases });
  }
  ems({
    id: 'defender-endpoint-plan-1',
    name: 'Microsoft Defender for Endpoint P1',
    description: 'Next-generation protection and attack surface reduction.',
  });
  ems({
    id: 'defender-endpoint-plan-2',
    name: 'Microsoft Defender for Endpoint P2',
    description: 'P1 plus endpoint detection and response and automated investigation.',
  });
  ems({
    id: 'defender-business',
    name: 'Microsoft Defender for Business',
    description: 'Endpoint security for businesses of up to 300 users.',
    plan: monthOrYear,
  });
  ems({
    id: 'defender-business-servers',
    name: 'Microsoft Defender for Business servers',
    description: 'Defender for Business on Windows and Linux servers.',
    prerequisiteOfferIds: ['defender-business', 'm365-business-premium'],
  });
  ems({
    id: 'defender-identity',
    name: 'Microsoft Defender for Identity',
    description: 'Detects identity attacks on Active Directory.',
  });
  ems({
    id: 'defender-cloud-apps',
    name: 'Microsoft Defender for Cloud Apps',
    description: 'Discovers and controls cloud app use.',
  });
  ems({
    id: 'defender-vulnerability-management',
    name: 'Microsoft Defender Vulnerability Management Add-on',
    description: 'Security baselines, browser extension and firmware assessment.',
    prerequisiteOfferIds: ['defender-endpoint-plan-2', 'm365-e5', 'ems-e5'],
  });
  ems({
    id: 'purview-suite',
    name: 'Microsoft Purview Suite',
    description: 'Information protection, data lifecycle, eDiscovery and insider risk.',
    prerequisiteOfferIds: ['m365-e3', 'o365-e3', 'm365-business-premium'],
  });
}

/** Windows 365 Cloud PCs per size, and Windows Enterprise. */
function windows(): void {
  const sizes: [number, number, number][] = [
    [2, 4, 64],
    [2, 4, 128],
    [2, 4, 256],
    [2, 8, 128],
    [2, 8, 256],
    [4, 16, 128],
    [4, 16, 256],
    [4, 16, 512],
    [8, 32, 128],
    [8, 32, 256],
    [8, 32, 512],
    [16, 64, 256],
    [16, 64, 512],
    [16, 64, 1024],
  ];
  const editions: [string, string, string[]][] = [
    ['business', 'Windows 365 Business', []],
    ['business-hybrid-benefit', 'Windows 365 Business with Windows Hybrid Benefit', []],
    [
      'enterprise',
      'Windows 365 Enterprise',
      ['m365-e3', 'm365-e5', 'm365-business-premium', 'windows-11-enterprise-e3', 'windows-11-enterprise-e5'],
    ],
    [
      'frontline',
      'Windows 365 Frontline',
      ['m365-e3', 'm365-e5', 'm365-f1', 'm365-f3', 'windows-11-enterprise-e3'],
    ],
  ];
  for (const [edition, editionName, bases] of editions) {
    for (const [cpus, memory, storage] of sizes) {
      const disk = storage >= 1024 ? `${storage / 1024} TB` : `${storage} GB`;
      offer({
        id: `windows-365-${edition}-${cpus}vcpu-${memory}gb-${storage}gb`,
        product: `windows-365-${edition}`,
        name: `${editionName} ${cpus} vCPU, ${memory} GB, ${disk}`,
        productFamily: 'Windows 365',
        description: `A Cloud PC with ${cpus} virtual CPUs, ${memory} GB of memory and ${disk} of storage.`,
        minQuantity: 1,
        maxQuantity: edition.startsWith('business') ? 300 : 10000,
        ...monthOrYear,
        countries: everywhere,
        prerequisiteOfferIds: bases,
      });
    }
  }
  for (const [id, name, description] of [
    [
      'windows-11-enterprise-e3',
      'Windows 11 Enterprise E3',
      'Windows Enterprise per user, with Windows Autopatch.',
    ],
    [
      'windows-11-enterprise-e5',
      'Windows 11 Enterprise E5',
      'Windows Enterprise E3 plus Defender for Endpoint P2.',
    ],
    [
      'windows-11-enterprise-e3-vda',
      'Windows 11 Enterprise E3 VDA',
      'Windows Enterprise E3 for virtual desktops on devices without a Windows licence.',
    ],
    [
      'windows-11-enterprise-e5-vda',
      'Windows 11 Enterprise E5 VDA',
      'Windows Enterprise E5 for virtual desktops.',
    ],
  ] as const) {
    offer({
      id,
      name,
      productFamily: 'Windows',
      description,
      minQuantity: 1,
      maxQuantity: 10000,
      ...upToThreeYears,
      countries: everywhere,
    });
  }
}

/** Dynamics 365 apps, their attach licences and capacity add-ons. */
function dynamics365(): void {
  const d365 = (id: string, name: string, description: string, extra: Partial<Fields> = {}) =>
    offer({
      id,
      name,
      productFamily: 'Dynamics 365',
      description,
      minQuantity: 1,
      maxQuantity: 1000,
      ...monthOrYear,
      countries: dynamicsMarkets,
      ...extra,
    });
  const apps: [string, string, string, Partial<Fields>][] = [
    [
      'sales-professional',
      'Sales Professional',
      'Core sales automation: leads, opportunities and quotes.',
      {},
    ],
    [
      'sales-premium',
      'Sales Premium',
      'Sales Enterprise plus conversation intelligence and premium forecasting.',
      {},
    ],
    [
      'customer-service-professional',
      'Customer Service Professional',
      'Case management for small service teams.',
      { countries: everywhere },
    ],
    [
      'customer-service-premium',
      'Customer Service Premium',
      'Customer Service Enterprise plus omnichannel routing.',
      {},
    ],
    ['field-service', 'Field Service', 'Work orders, scheduling and mobile technicians.', {}],
    [
      'field-service-contractor',
      'Field Service Contractor',
      'Field Service for contractors who complete assigned work orders.',
      {},
    ],
    ['remote-assist', 'Remote Assist', 'Mixed-reality video calls for technicians.', {}],
    ['guides', 'Guides', 'Step-by-step holographic instructions.', {}],
    [
      'finance',
      'Finance',
      'Global financial management and accounting.',
      { minQuantity: 20, ...upToThreeYears },
    ],
    [
      'finance-premium',
      'Finance Premium',
      'Finance plus planning and treasury.',
      { minQuantity: 20, ...upToThreeYears },
    ],
    [
      'supply-chain-management',
      'Supply Chain Management',
      'Manufacturing, warehousing and transportation.',
      { minQuantity: 20, ...upToThreeYears },
    ],
    [
      'supply-chain-management-premium',
      'Supply Chain Management Premium',
      'Supply Chain Management plus planning optimisation.',
      { minQuantity: 20, ...upToThreeYears },
    ],
    [
      'commerce',
      'Commerce',
      'Unified retail across stores, e-commerce and call centres.',
      { minQuantity: 20, ...upToThreeYears },
    ],
    ['human-resources', 'Human Resources', 'Personnel, benefits, leave and absence.', {}],
    ['project-operations', 'Project Operations', 'Project sales, planning, resourcing and accounting.', {}],
    ['marketing', 'Marketing', 'Customer journeys, events and lead scoring.', { maxQuantity: 10 }],
    [
      'customer-insights',
      'Customer Insights',
      'Unified customer profiles and real-time journeys.',
      { maxQuantity: 10 },
    ],
    [
      'customer-insights-journeys',
      'Customer Insights - Journeys',
      'Real-time customer journeys and marketing.',
      { maxQuantity: 10 },
    ],
    [
      'customer-insights-data',
      'Customer Insights - Data',
      'Customer data platform with segments and measures.',
      { maxQuantity: 10 },
    ],
    ['contact-center', 'Contact Center', 'AI-first contact centre for voice and digital channels.', {}],
    [
      'business-central-premium',
      'Business Central Premium',
      'Business Central Essentials plus manufacturing and service.',
      { countries: businessCentralMarkets },
    ],
    [
      'business-central-team-members',
      'Business Central Team Members',
      'Read, approve and light edits in Business Central.',
      { countries: businessCentralMarkets, maxQuantity: 2000 },
    ],
    [
      'business-central-device',
      'Business Central Device',
      'Business Central on a shared point-of-sale or warehouse device.',
      { countries: businessCentralMarkets },
    ],
    [
      'operations-activity',
      'Operations - Activity',
      'Activity users of Finance and Supply Chain Management.',
      {},
    ],
    [
      'operations-device',
      'Operations - Device',
      'A shared device for store, warehouse or shop-floor users.',
      {},
    ],
    [
      'intelligent-order-management',
      'Intelligent Order Management',
      'Order orchestration across channels.',
      {},
    ],
    [
      'fraud-protection',
      'Fraud Protection',
      'Purchase and account protection for online merchants.',
      { maxQuantity: 10 },
    ],
    ['customer-voice', 'Customer Voice', 'Surveys and feedback, per 2,000 responses.', { maxQuantity: 100 }],
  ];
  for (const [id, name, description, extra] of apps) {
    d365(`dynamics-365-${id}`, `Dynamics 365 ${name}`, description, extra);
  }
  const enterpriseApps = [
    'dynamics-365-sales-enterprise',
    'dynamics-365-customer-service-enterprise',
    'dynamics-365-field-service',
    'dynamics-365-finance',
    'dynamics-365-supply-chain-management',
    'dynamics-365-commerce',
    'dynamics-365-human-resources',
    'dynamics-365-project-operations',
  ];
  for (const base of enterpriseApps) {
    const app = base.replace('dynamics-365-', '');
    const name =
      apps.find(([id]) => id === app)?.[1] ??
      app
        .split('-')
        .map((word) => word[0]!.toUpperCase() + word.slice(1))
        .join(' ');
    d365(
      `${base}-attach`,
      `Dynamics 365 ${name} Attach to Qualifying Dynamics 365 Base Offer`,
      `${name} for users who already have another Dynamics 365 app.`,
      { product: base, prerequisiteOfferIds: enterpriseApps.filter((other) => other !== base) },
    );
  }
  const everyApp = [
    ...enterpriseApps,
    'dynamics-365-sales-professional',
    'dynamics-365-customer-service-professional',
    'dynamics-365-business-central-essentials',
    'dynamics-365-business-central-premium',
  ];
  const capacity: [string, string, string, string[]][] = [
    [
      'dataverse-database-capacity',
      'Dataverse Database Capacity add-on',
      'One more GB of Dataverse database storage.',
      everyApp,
    ],
    [
      'dataverse-file-capacity',
      'Dataverse File Capacity add-on',
      'One more GB of Dataverse file storage.',
      everyApp,
    ],
    [
      'dataverse-log-capacity',
      'Dataverse Log Capacity add-on',
      'One more GB of Dataverse log storage.',
      everyApp,
    ],
    [
      'operations-database-capacity',
      'Operations Database Capacity add-on',
      'One more GB of database storage for Finance and Operations apps.',
      ['dynamics-365-finance', 'dynamics-365-supply-chain-management', 'dynamics-365-commerce'],
    ],
    [
      'operations-file-capacity',
      'Operations File Capacity add-on',
      'One more GB of file storage for Finance and Operations apps.',
      ['dynamics-365-finance', 'dynamics-365-supply-chain-management', 'dynamics-365-commerce'],
    ],
    [
      'additional-sandbox',
      'Additional Sandbox Environment',
      'A tier-2 sandbox for testing Finance and Operations apps.',
      ['dynamics-365-finance', 'dynamics-365-supply-chain-management', 'dynamics-365-commerce'],
    ],
    [
      'business-central-additional-environment',
      'Business Central Additional Environment Addon',
      'One more production environment for Business Central.',
      ['dynamics-365-business-central-essentials', 'dynamics-365-business-central-premium'],
    ],
    [
      'business-central-database-capacity',
      'Business Central Database Capacity',
      'One more GB of Business Central database storage.',
      ['dynamics-365-business-central-essentials', 'dynamics-365-business-central-premium'],
    ],
    [
      'customer-service-chat',
      'Customer Service Chat',
      'Live chat for Customer Service agents.',
      ['dynamics-365-customer-service-enterprise', 'dynamics-365-customer-service-premium'],
    ],
    [
      'customer-service-digital-messaging',
      'Customer Service Digital Messaging',
      'SMS, social and messaging channels for agents.',
      ['dynamics-365-customer-service-enterprise', 'dynamics-365-customer-service-premium'],
    ],
    [
      'customer-service-voice-channel',
      'Customer Service Voice Channel',
      'Voice calls in the omnichannel agent workspace.',
      ['dynamics-365-customer-service-enterprise', 'dynamics-365-customer-service-premium'],
    ],
    [
      'marketing-additional-contacts',
      'Marketing Additional Contacts',
      'Marketing to 5,000 more contacts.',
      ['dynamics-365-marketing', 'dynamics-365-customer-insights', 'dynamics-365-customer-insights-journeys'],
    ],
    [
      'customer-insights-additional-profiles',
      'Customer Insights Additional Profiles',
      '100,000 more unified customer profiles.',
      ['dynamics-365-customer-insights', 'dynamics-365-customer-insights-data'],
    ],
  ];
  for (const [id, name, description, bases] of capacity) {
    d365(`dynamics-365-${id}`, `Dynamics 365 ${name}`, description, {
      maxQuantity: 10000,
      prerequisiteOfferIds: bases,
      countries: everywhere,
    });
  }
}

/** Power Apps, Power Automate, Power BI, Power Pages and Copilot Studio. */
function powerPlatform(): void {
  const power = (id: string, name: string, description: string, extra: Partial<Fields> = {}) =>
    offer({
      id,
      name,
      productFamily: 'Power Platform',
      description,
      minQuantity: 1,
      maxQuantity: 5000,
      ...monthOrYear,
      countries: everywhere,
      ...extra,
    });
  power(
    'power-apps-premium',
    'Power Apps Premium',
    'Unlimited custom apps and portals per user, with Dataverse.',
  );
  power('power-apps-per-app', 'Power Apps per app', 'One app or one portal per user.');
  power(
    'power-automate-premium',
    'Power Automate Premium',
    'Cloud and desktop flows with premium connectors and process mining.',
  );
  power(
    'power-automate-process',
    'Power Automate Process',
    'One bot or one cloud flow licensed for unattended use.',
    { maxQuantity: 100 },
  );
  power(
    'power-automate-hosted-process',
    'Power Automate Hosted Process',
    'A hosted machine for unattended desktop flows.',
    { maxQuantity: 100 },
  );
  power(
    'power-bi-premium-per-user',
    'Power BI Premium Per User',
    'Power BI Pro plus paginated reports, AI and larger models.',
  );
  power(
    'power-bi-premium-per-user-add-on',
    'Power BI Premium Per User Add-On',
    'Premium Per User for users who have Power BI Pro.',
    {
      prerequisiteOfferIds: [
        'power-bi-pro',
        'power-bi-pro-nonprofit',
        'power-bi-pro-faculty',
        'm365-e5',
        'o365-e5',
      ],
    },
  );
  power(
    'power-pages-authenticated',
    'Power Pages Authenticated Users per site',
    '100 authenticated users a month on one site.',
    { maxQuantity: 1000 },
  );
  power(
    'power-pages-anonymous',
    'Power Pages Anonymous Users per site',
    '500 anonymous users a month on one site.',
    { maxQuantity: 1000 },
  );
  power('copilot-studio', 'Microsoft Copilot Studio', '25,000 messages a month for custom copilots.', {
    maxQuantity: 100,
  });
  const platformBases = [
    'power-apps-premium',
    'power-apps-per-app',
    'power-automate-premium',
    'dynamics-365-sales-enterprise',
    'dynamics-365-customer-service-enterprise',
  ];
  power(
    'ai-builder-capacity',
    'AI Builder Capacity add-on',
    'One million AI Builder service credits a month.',
    { maxQuantity: 100, prerequisiteOfferIds: platformBases },
  );
  power(
    'power-platform-requests',
    'Power Platform Requests add-on',
    '50,000 more daily requests for Power Platform.',
    { maxQuantity: 1000, prerequisiteOfferIds: platformBases },
  );
  power(
    'power-apps-portals-login-capacity',
    'Power Apps Portals login capacity add-on',
    '100 more daily logins to a portal.',
    { maxQuantity: 1000, prerequisiteOfferIds: platformBases },
  );
  power('copilot-studio-messages', 'Copilot Studio Messages add-on', '25,000 more messages a month.', {
    maxQuantity: 1000,
    prerequisiteOfferIds: ['copilot-studio'],
  });
}

/** Azure reservations bought through CSP next to the Azure plan. */
function azure(): void {
  const sizes = ['B2s', 'D2s v5', 'D4s v5', 'D8s v5', 'D16s v5', 'E4s v5', 'E8s v5', 'F4s v2'];
  const regions = [
    ...['West Europe', 'North Europe', 'Germany West Central', 'UK South', 'East US'],
    ...['Canada Central', 'Australia East', 'Central India', 'Brazil South'],
  ];
  for (const size of sizes) {
    for (const region of regions) {
      offer({
        id: `azure-reserved-vm-${slug(size)}-${slug(region)}`,
        product: `azure-reserved-vm-${slug(size)}`,
        name: `Azure Reserved VM Instance ${size}, ${region}`,
        productFamily: 'Azure',
        description: `One ${size} virtual machine reserved in ${region}, against the Azure plan's pay-as-you-go price.`,
        minQuantity: 1,
        maxQuantity: 1000,
        ...yearOrThree,
        countries: everywhere,
        prerequisiteOfferIds: ['azure-plan'],
      });
    }
  }
  for (const region of regions) {
    offer({
      id: `azure-sql-database-reserved-vcore-${slug(region)}`,
      product: 'azure-sql-database-reserved-vcore',
      name: `Azure SQL Database reserved capacity, General Purpose vCore, ${region}`,
      productFamily: 'Azure',
      description: `One General Purpose vCore of Azure SQL Database reserved in ${region}.`,
      minQuantity: 1,
      maxQuantity: 1000,
      ...yearOrThree,
      countries: everywhere,
      prerequisiteOfferIds: ['azure-plan'],
    });
  }
  offer({
    id: 'azure-savings-plan-compute',
    name: 'Azure savings plan for compute',
    productFamily: 'Azure',
    description: 'A fixed hourly commitment on compute, at lower prices, for one or three years.',
    minQuantity: 1,
    maxQuantity: 1,
    ...yearOrThree,
    countries: everywhere,
    prerequisiteOfferIds: ['azure-plan'],
  });
}

/** Perpetual server software sold as one- and three-year subscriptions. */
function softwareSubscriptions(): void {
  const products: [string, string, string][] = [
    [
      'windows-server-standard-2-core',
      'Windows Server {v} Standard - 2 Core License Pack',
      'Two cores of Windows Server Standard; a server needs at least 16.',
    ],
    [
      'windows-server-standard-16-core',
      'Windows Server {v} Standard - 16 Core License Pack',
      'Sixteen cores of Windows Server Standard.',
    ],
    [
      'windows-server-datacenter-2-core',
      'Windows Server {v} Datacenter - 2 Core License Pack',
      'Two cores of Windows Server Datacenter with unlimited virtual machines.',
    ],
    [
      'windows-server-datacenter-16-core',
      'Windows Server {v} Datacenter - 16 Core License Pack',
      'Sixteen cores of Windows Server Datacenter.',
    ],
    ['windows-server-user-cal', 'Windows Server {v} - 1 User CAL', 'Access to Windows Server for one user.'],
    [
      'windows-server-device-cal',
      'Windows Server {v} - 1 Device CAL',
      'Access to Windows Server from one device.',
    ],
    [
      'windows-server-rds-user-cal',
      'Windows Server {v} Remote Desktop Services - 1 User CAL',
      'Remote desktop sessions for one user.',
    ],
    [
      'windows-server-rds-device-cal',
      'Windows Server {v} Remote Desktop Services - 1 Device CAL',
      'Remote desktop sessions from one device.',
    ],
    [
      'sql-server-standard-2-core',
      'SQL Server {v} Standard - 2 Core License Pack',
      'Two cores of SQL Server Standard.',
    ],
    [
      'sql-server-enterprise-2-core',
      'SQL Server {v} Enterprise - 2 Core License Pack',
      'Two cores of SQL Server Enterprise.',
    ],
    [
      'sql-server-standard-server',
      'SQL Server {v} Standard - Server',
      'SQL Server Standard for one server, with CALs.',
    ],
    ['sql-server-user-cal', 'SQL Server {v} - 1 User CAL', 'Access to SQL Server for one user.'],
    ['sql-server-device-cal', 'SQL Server {v} - 1 Device CAL', 'Access to SQL Server from one device.'],
    [
      'sharepoint-server-subscription',
      'SharePoint Server Subscription Edition ({v} release)',
      'SharePoint Server for one farm server.',
    ],
    [
      'exchange-server-standard-cal',
      'Exchange Server {v} Standard - 1 User CAL',
      'Access to Exchange Server Standard for one user.',
    ],
  ];
  for (const version of ['2019', '2022', '2025']) {
    for (const [id, name, description] of products) {
      offer({
        id: `${id}-${version}`,
        product: `${id}-${version}`,
        name: name.replace('{v}', version),
        productFamily: 'Software subscriptions',
        description,
        minQuantity: 1,
        maxQuantity: 1000,
        ...software,
        countries: everywhere,
      });
    }
  }
}

/**
 * The partner's most sold offers (illustrative): worldwide ("*"), and where a country's customers
 * buy differently, there. The first five of the Netherlands are what an agent sees first there.
 */
const salesRanks: Record<string, string[]> = {
  '*': [
    'm365-business-premium',
    'm365-business-standard',
    'm365-business-basic',
    'o365-e3',
    'm365-e3',
    'teams-phone-standard',
    'exchange-online-plan-1',
    'm365-e5',
    'power-bi-pro',
    'm365-copilot',
    'azure-plan',
    'defender-office-365-plan-1',
    'm365-apps-for-business',
    'm365-f3',
    'visio-plan-2',
  ],
  NL: [
    'm365-business-premium',
    'm365-business-standard',
    'm365-business-basic',
    'teams-phone-standard',
    'o365-e3',
    'm365-e3',
    'exchange-online-plan-1',
    'dynamics-365-business-central-essentials',
    'teams-domestic-calling-plan-nl',
    'm365-copilot',
  ],
  US: [
    'm365-business-premium',
    'm365-e3',
    'm365-business-standard',
    'm365-e5',
    'teams-phone-with-calling-plan',
    'm365-copilot',
    'dynamics-365-sales-enterprise',
    'o365-e3',
    'power-bi-pro',
    'windows-365-business-2vcpu-8gb-128gb',
  ],
  GB: [
    'm365-business-premium',
    'm365-business-basic',
    'm365-business-standard',
    'o365-e3',
    'teams-phone-standard',
    'teams-domestic-calling-plan-gb',
    'm365-e3',
    'dynamics-365-business-central-essentials',
  ],
  DE: [
    'm365-business-premium-eea-no-teams',
    'm365-business-standard-eea-no-teams',
    'teams-enterprise',
    'm365-e3-eea-no-teams',
    'o365-e3-eea-no-teams',
    'm365-business-premium',
    'exchange-online-plan-1',
    'dynamics-365-business-central-essentials',
  ],
  IN: [
    'm365-business-basic',
    'm365-business-standard',
    'm365-business-premium',
    'o365-e1',
    'exchange-online-plan-1',
    'm365-f3',
    'dynamics-365-business-central-essentials',
    'azure-plan',
  ],
  BR: [
    'm365-business-basic',
    'm365-business-standard',
    'm365-business-premium',
    'exchange-online-plan-1',
    'o365-e3',
    'azure-plan',
  ],
};

/** A made-up product id in Partner Center's form ("CFQ7TTC0" and four characters), from a hash. */
function productIdOf(product: string, taken: Map<string, string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const digest = createHash('sha256').update(`${product}#${attempt}`).digest();
    const alphabet = '0123456789BCDFGHJKLMNPQRSTVWXZ';
    const suffix = Array.from({ length: 4 }, (_, index) => alphabet[digest[index]! % alphabet.length]).join(
      '',
    );
    const id = `CFQ7TTC0${suffix}`;
    const owner = taken.get(id);
    if (owner === undefined || owner === product) {
      taken.set(id, product);
      return id;
    }
  }
}

/** The whole file, as services/catalogue/data/offers.json holds it. */
export function sampleOfferCatalogue(): {
  version: number;
  sampleData: true;
  note: string;
  offers: SampleOffer[];
} {
  offers.length = 0;
  coreOffers();
  suitesWithoutTeams();
  microsoft365();
  nonprofitAndEducation();
  callingPlans();
  enterpriseMobilityAndSecurity();
  windows();
  dynamics365();
  powerPlatform();
  azure();
  softwareSubscriptions();
  studentsAndNonprofitDynamics();

  const taken = new Map<string, string>();
  const skusOfProduct = new Map<string, number>();
  for (const entry of offers) {
    const next = (skusOfProduct.get(entry.product) ?? 0) + 1;
    skusOfProduct.set(entry.product, next);
    entry.sku = `${productIdOf(entry.product, taken)}:${String(next).padStart(4, '0')}`;
  }
  const byId = new Map(offers.map((entry) => [entry.id, entry]));
  for (const [country, ids] of Object.entries(salesRanks)) {
    ids.forEach((id, index) => {
      const ranked = byId.get(id);
      if (!ranked) throw new Error(`The sales ranks name "${id}", which is no offer`);
      ranked.salesRank[country] = index + 1;
    });
  }
  return {
    version: 2,
    sampleData: true,
    note: "Sample data: names are Microsoft's, SKUs are made up in Partner Center's format, figures (limits, availability, sales ranks) are illustrative; the partner replaces them. Made by test/tools/sampleOffers.ts.",
    offers: offers.map(({ product: _product, ...entry }) => entry),
  };
}

if (require.main === module) {
  const target = path.resolve(__dirname, '..', '..', '..', 'services', 'catalogue', 'data', 'offers.json');
  writeFileSync(target, `${JSON.stringify(sampleOfferCatalogue(), null, 2)}\n`);
  process.stdout.write(
    `Written ${target}; run "npx prettier --write ${path.relative(process.cwd(), target)}".\n`,
  );
}
