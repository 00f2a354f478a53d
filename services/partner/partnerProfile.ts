/** The CSP partner this installation serves. */
export interface PartnerProfile {
  /** A direct partner sells itself; an indirect provider sells through indirect resellers. */
  type: 'direct' | 'indirectProvider';
  /** Shown to customers in relationship invitations. */
  name: string;
  /** The partner's Microsoft Entra tenant id, part of the relationship invitation link. */
  tenantId: string;
  /** ISO codes of the countries the partner is authorised to sell in. */
  markets: readonly string[];
  /** The partner's own email domains: a customer contact may not use them. */
  emailDomains: readonly string[];
}
