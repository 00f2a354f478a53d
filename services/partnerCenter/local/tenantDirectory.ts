import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const domainName = z
  .string()
  .toLowerCase()
  .regex(
    /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/,
    'a domain name such as wingtiptoys.com',
  );

const tenantSchema = z.object({
  companyName: z.string().trim().min(1),
  tenantId: z.guid(),
  initialDomain: domainName.refine((domain) => /^[a-z0-9]+\.onmicrosoft\.com$/.test(domain), {
    message: 'must be <prefix>.onmicrosoft.com, the prefix letters and digits only',
  }),
  customDomains: z.array(
    domainName.refine((domain) => !domain.endsWith('.onmicrosoft.com'), {
      message: 'a custom domain, not an .onmicrosoft.com one (that is initialDomain)',
    }),
  ),
  partner: z.enum(['none', 'otherPartner', 'thisPartner']),
});

export const tenantsFileSchema = z
  .object({
    version: z.literal(1),
    sampleData: z.boolean().optional(),
    note: z.string().optional(),
    tenants: z.array(tenantSchema),
    takenPrefixes: z.array(
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z0-9]+$/, 'letters and digits only'),
    ),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    const once = (value: string, where: (string | number)[]) => {
      if (seen.has(value))
        context.addIssue({ code: 'custom', message: `"${value}" appears twice`, path: where });
      seen.add(value);
    };
    file.tenants.forEach((tenant, index) => {
      once(tenant.tenantId.toLowerCase(), ['tenants', index, 'tenantId']);
      once(tenant.initialDomain, ['tenants', index, 'initialDomain']);
      tenant.customDomains.forEach((domain, at) => once(domain, ['tenants', index, 'customDomains', at]));
    });
    file.takenPrefixes.forEach((prefix, index) =>
      once(`${prefix}.onmicrosoft.com`, ['takenPrefixes', index]),
    );
  });

export type TenantsFile = z.infer<typeof tenantsFileSchema>;
export type SeedTenant = TenantsFile['tenants'][number];

/** The tenants file is unreadable, not JSON, or breaks the schema; the message lists every problem. */
export class TenantsFileError extends Error {
  override readonly name = 'TenantsFileError';
  constructor(
    readonly filePath: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Tenants file ${filePath} cannot be used:\n${detail}`, options);
  }
}

/** tsc does not copy JSON into dist/: when run compiled, the file is found next to the sources. */
export function defaultTenantsFile(): string {
  const candidates = [
    path.join(__dirname, 'tenants.json'),
    path.resolve(__dirname, '..', '..', '..', '..', 'services', 'partnerCenter', 'local', 'tenants.json'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

/** Microsoft's directory as the local Partner Center sees it before anything is created. */
export class TenantDirectory {
  private readonly byDomain = new Map<string, SeedTenant | 'taken'>();

  constructor(readonly file: TenantsFile) {
    for (const tenant of file.tenants) {
      for (const domain of [tenant.initialDomain, ...tenant.customDomains]) this.byDomain.set(domain, tenant);
    }
    for (const prefix of file.takenPrefixes) this.byDomain.set(`${prefix}.onmicrosoft.com`, 'taken');
  }

  domainExists(domain: string): boolean {
    return this.byDomain.has(domain.toLowerCase());
  }

  /** A seeded tenant that is already this partner's customer. */
  customerOfThisPartner(tenantId: string): SeedTenant | undefined {
    const id = tenantId.toLowerCase();
    return this.file.tenants.find(
      (tenant) => tenant.partner === 'thisPartner' && tenant.tenantId.toLowerCase() === id,
    );
  }
}

export async function loadTenantDirectory(filePath: string = defaultTenantsFile()): Promise<TenantDirectory> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new TenantsFileError(filePath, String(error), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantsFileError(filePath, `not valid JSON: ${String(error)}`, { cause: error });
  }
  const result = tenantsFileSchema.safeParse(json);
  if (!result.success)
    throw new TenantsFileError(filePath, z.prettifyError(result.error), { cause: result.error });
  return new TenantDirectory(result.data);
}
