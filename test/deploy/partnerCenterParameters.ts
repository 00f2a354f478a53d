/**
 * What an operator passes to connect the deployed bot to Microsoft's Partner Center: the app
 * registration's client id and a partner user's refresh token (made up, in their real shapes).
 */
export const partnerCenterAppId = '4b1c1e9e-3a55-4a8f-9d0e-6c2f7d0a1b23';
export const partnerCenterRefreshToken =
  '1.AXkAsample-refresh-token_from-a-consent.AgABAwEAAAApTwJmzXqdR4BN2miheQMY';

export const withPartnerCenter = { partnerCenterAppId, partnerCenterRefreshToken };
