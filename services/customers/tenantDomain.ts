/**
 * The customer tenant's initial domain, `<prefix>.onmicrosoft.com`, and its admin sign-in name. The
 * suffix is written here and nowhere else in the services: everything that builds, recognises or
 * strips it goes through these functions (messages get the finished domain as a `{domain}` param).
 */
const TENANT_DOMAIN_SUFFIX = '.onmicrosoft.com';

/** "Contoso" -> "contoso.onmicrosoft.com". */
export function tenantDomain(prefix: string): string {
  return `${prefix.toLowerCase()}${TENANT_DOMAIN_SUFFIX}`;
}

/** "contoso" -> "admin@contoso.onmicrosoft.com": the first Global admin of the new tenant. */
export function adminSignInName(prefix: string): string {
  return `admin@${tenantDomain(prefix)}`;
}

/** Whether a host name is a tenant's initial domain ("contoso.onmicrosoft.com", any case). */
export function isTenantDomain(host: string): boolean {
  return host.toLowerCase().endsWith(TENANT_DOMAIN_SUFFIX) && host.length > TENANT_DOMAIN_SUFFIX.length;
}

/** "Contoso.onmicrosoft.com" -> "Contoso"; anything else is answered as it is. */
export function withoutTenantDomainSuffix(value: string): string {
  return value.toLowerCase().endsWith(TENANT_DOMAIN_SUFFIX)
    ? value.slice(0, -TENANT_DOMAIN_SUFFIX.length)
    : value;
}
