/**
 * Access tokens for Partner Center's API (`https://api.partnercenter.microsoft.com`). Partner Center
 * takes two kinds: app-only (the partner's Entra app alone) and App+User (the app acting for a
 * partner user, required for indirect-reseller, agreement and relationship-request calls).
 */
export interface PartnerCenterTokens {
  /**
   * A bearer token. `appUser`: the call needs App+User; otherwise app-only when configured, else
   * App+User. Throws `PartnerCenterError('unauthorized')` when the needed kind is not configured or
   * Microsoft Entra ID refuses.
   */
  token(kind: { appUser: boolean }): Promise<string>;
}
