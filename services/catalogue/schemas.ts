import { z } from 'zod';
import { BillingCycleSchema, TermSchema, billingCycleFitsTerm } from './terms';

/** Sold in every country. */
export const EVERY_COUNTRY = '*';

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use a lower-case slug such as "m365-business-premium"');

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'use an ISO 3166 alpha-2 code in capitals, such as "NL"')
  .refine((code) => code !== 'UK', 'the United Kingdom is "GB" in ISO 3166, not "UK"');

/** A whole number (1, 2, ...) or a date ("2025-07-01"); bump it whenever the file changes. */
const DataVersionSchema = z.union([
  z.number().int().min(1),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date such as "2025-07-01" or a whole number'),
]);

/** An offer id is part of the order form's field paths (`offers.<offerId>.quantity`), so never holds a ".". */
const OfferIdSchema = SlugSchema.refine(
  (id) => !id.includes('.'),
  'an offer id cannot contain "." (it is part of the order form\'s field paths, offers.<id>.quantity)',
);

/** Partner Center's product id and SKU id, such as "CFQ7TTC0LCHC:0002". */
export const SkuSchema = z
  .string()
  .regex(
    /^[A-Z0-9]{12}:[0-9]{4}$/,
    'use the product id and SKU id as Partner Center writes them, such as "CFQ7TTC0LCHC:0002"',
  );

/**
 * Where an offer is among the partner's most sold: per country (ISO 3166 alpha-2, or "*" for any
 * country) its place, 1 being the most sold. Before any search, the offers ranked in the customer's
 * country come first, then those ranked for "*".
 */
const SalesRankSchema = z
  .record(
    z.string().regex(/^(\*|[A-Z]{2})$/, 'use an ISO 3166 alpha-2 code in capitals, or "*" for any country'),
    z.number().int().min(1),
  )
  .default({});

const offerShape = {
  id: OfferIdSchema,
  name: z.string().trim().min(1).max(200),
  productFamily: z.string().trim().min(1).max(100),
  sku: SkuSchema,
  description: z.string().trim().min(1).max(500),
  minQuantity: z.number().int().min(1),
  maxQuantity: z.number().int().min(1),
  terms: z.array(TermSchema).min(1),
  billingCycles: z.array(BillingCycleSchema).min(1),
  countries: z.array(z.union([z.literal(EVERY_COUNTRY), CountryCodeSchema])).min(1),
  isAddOn: z.boolean(),
  /** For an add-on: the base offers, any one of which the customer must have. */
  prerequisiteOfferIds: z.array(SlugSchema).default([]),
  salesRank: SalesRankSchema,
};

type OfferFields = z.output<z.ZodObject<typeof offerShape>>;

function checkOffer(offer: OfferFields, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (offer.minQuantity > offer.maxQuantity) {
    problem(
      ['maxQuantity'],
      `maxQuantity (${offer.maxQuantity}) is below minQuantity (${offer.minQuantity})`,
    );
  }
  if (offer.countries.includes(EVERY_COUNTRY) && offer.countries.length > 1) {
    problem(['countries'], `use ["${EVERY_COUNTRY}"] alone for every country, or list the countries`);
  }
  if (offer.isAddOn && offer.prerequisiteOfferIds.length === 0) {
    problem(['prerequisiteOfferIds'], 'an add-on needs at least one base offer');
  }
  if (!offer.isAddOn && offer.prerequisiteOfferIds.length > 0) {
    problem(['isAddOn'], 'only an add-on has prerequisite offers: set isAddOn to true or empty the list');
  }
  if (offer.prerequisiteOfferIds.includes(offer.id)) {
    problem(['prerequisiteOfferIds'], 'an offer cannot be its own prerequisite');
  }
  for (const country of Object.keys(offer.salesRank)) {
    const sold = offer.countries.some((code) => code === EVERY_COUNTRY || code === country);
    if (country !== EVERY_COUNTRY && !sold) {
      problem(['salesRank', country], `the offer is not sold in ${country}, so it cannot rank there`);
    }
  }
  for (const [field, values] of [
    ['terms', offer.terms],
    ['billingCycles', offer.billingCycles],
    ['countries', offer.countries],
    ['prerequisiteOfferIds', offer.prerequisiteOfferIds],
  ] as const) {
    if (new Set(values).size !== values.length) problem([field], `${field} lists a value twice`);
  }
  offer.billingCycles.forEach((cycle, index) => {
    if (!offer.terms.some((term) => billingCycleFitsTerm(cycle, term))) {
      problem(['billingCycles', index], `no term of this offer can be billed ${cycle}`);
    }
  });
  offer.terms.forEach((term, index) => {
    if (!offer.billingCycles.some((cycle) => billingCycleFitsTerm(cycle, term))) {
      problem(['terms', index], `no billing cycle of this offer fits the term ${term}`);
    }
  });
}

/** An offer as the rest of the service uses it (unknown keys, e.g. database metadata, are dropped). */
export const OfferSchema = z.object(offerShape).superRefine(checkOffer);
export type Offer = z.infer<typeof OfferSchema>;

/** The same offer in the partner's file, where an unknown key is most likely a typo. */
const OfferInFileSchema = z.strictObject(offerShape).superRefine(checkOffer);

function reportDuplicates<T>(
  items: readonly T[],
  valueOf: (item: T) => string,
  describe: string,
  pathOf: (index: number) => (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = valueOf(item);
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', path: pathOf(index), message: `${describe} "${value}" is used twice` });
    seen.add(value);
  });
}

export const OfferCatalogueFileSchema = z
  .strictObject({
    version: DataVersionSchema,
    sampleData: z.boolean(),
    note: z.string().optional(),
    offers: z.array(OfferInFileSchema).min(1),
  })
  .superRefine((file, ctx) => {
    reportDuplicates(
      file.offers,
      (offer) => offer.id,
      'offer id',
      (i) => ['offers', i, 'id'],
      ctx,
    );
    reportDuplicates(
      file.offers,
      (offer) => offer.sku,
      'SKU',
      (i) => ['offers', i, 'sku'],
      ctx,
    );
    const ranked = file.offers.flatMap((offer, i) =>
      Object.entries(offer.salesRank).map(([country, place]) => ({ i, country, place })),
    );
    reportDuplicates(
      ranked,
      ({ country, place }) => `${country} ${place}`,
      'sales rank',
      (k) => ['offers', ranked[k]!.i, 'salesRank', ranked[k]!.country],
      ctx,
    );
    const ids = new Set(file.offers.map((offer) => offer.id));
    file.offers.forEach((offer, i) => {
      offer.prerequisiteOfferIds.forEach((prerequisiteId, j) => {
        if (!ids.has(prerequisiteId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['offers', i, 'prerequisiteOfferIds', j],
            message: `no offer has the id "${prerequisiteId}"`,
          });
        }
      });
    });
  });
export type OfferCatalogueFile = z.infer<typeof OfferCatalogueFileSchema>;

const resellerShape = {
  id: SlugSchema,
  name: z.string().trim().min(1).max(255),
  /** Kept as text: an MPN ID (Partner ID) is an identifier, not a number to calculate with. */
  mpnId: z.string().regex(/^\d{6,7}$/, 'an MPN ID has 6 or 7 digits'),
  tenantId: z.guid(),
  relationshipState: z.enum(['active', 'inactive']),
  /**
   * The countries whose customers the reseller works with; absent means every country the partner
   * sells in. A reseller is offered, and may be chosen, only for a customer in one of them.
   */
  countries: z.array(CountryCodeSchema).min(1).optional(),
};

export const ResellerSchema = z.object(resellerShape);
export type Reseller = z.infer<typeof ResellerSchema>;

export const ResellerCatalogueFileSchema = z
  .strictObject({
    version: DataVersionSchema,
    sampleData: z.boolean(),
    note: z.string().optional(),
    resellers: z.array(z.strictObject(resellerShape)).min(1),
  })
  .superRefine((file, ctx) => {
    const at = (field: string) => (i: number) => ['resellers', i, field];
    reportDuplicates(file.resellers, (r) => r.id, 'reseller id', at('id'), ctx);
    reportDuplicates(file.resellers, (r) => r.mpnId, 'MPN ID', at('mpnId'), ctx);
    reportDuplicates(file.resellers, (r) => r.tenantId.toLowerCase(), 'tenant ID', at('tenantId'), ctx);
    file.resellers.forEach((reseller, i) =>
      reportDuplicates(
        reseller.countries ?? [],
        (code) => code,
        'country',
        (j) => ['resellers', i, 'countries', j],
        ctx,
      ),
    );
  });
export type ResellerCatalogueFile = z.infer<typeof ResellerCatalogueFileSchema>;

/** A line of a valid order: the term and billing cycle are always set, as chosen or defaulted. */
export const OrderLineSchema = z.object({
  offerId: z.string().min(1),
  quantity: z.number().int(),
  term: TermSchema,
  billingCycle: BillingCycleSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderSchema = z.object({ lines: z.array(OrderLineSchema) });
export type Order = z.infer<typeof OrderSchema>;
