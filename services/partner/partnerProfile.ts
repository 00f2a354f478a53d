/** The CSP partner this installation serves. */
export interface PartnerProfile {
  /** A direct partner sells itself; an indirect provider sells through indirect resellers. */
  type: 'direct' | 'indirectProvider';
  /** The partner's name (configuration; the Partner Center work puts it in reseller relationship requests). */
  name: string;
  /** The partner's Microsoft Entra tenant id (configuration; the Partner Center work puts it in the relationship link). */
  tenantId: string;
  /** ISO codes of the countries the partner is authorised to sell in. */
  markets: readonly string[];
  /** The partner's own email domains: a customer contact may not use them. */
  emailDomains: readonly string[];
}
