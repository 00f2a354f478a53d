import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { wireAddressSchema, wireAgreementSchema } from '../wire';

const storedCustomerSchema = z.object({
  id: z.guid(),
  tenantId: z.guid(),
  domain: z.string(),
  companyName: z.string(),
  email: z.string(),
  culture: z.string(),
  language: z.string(),
  defaultAddress: wireAddressSchema,
  organizationRegistrationNumber: z.string().optional(),
  associatedPartnerId: z.string().optional(),
  // Kept so that a retried request id gets the answer the first try got, as Partner Center does.
  userName: z.string(),
  password: z.string(),
  createdAt: z.string(),
});
export type StoredCustomer = z.infer<typeof storedCustomerSchema>;

const storedAgreementSchema = wireAgreementSchema.extend({
  customerTenantId: z.guid(),
  recordedAt: z.string(),
});
export type StoredAgreement = z.infer<typeof storedAgreementSchema>;

const stateFileSchema = z.object({
  version: z.literal(1),
  customers: z.array(storedCustomerSchema),
  /** MS-RequestId of a create -> the customer it made. */
  requestIds: z.record(z.string(), z.guid()),
  agreements: z.array(storedAgreementSchema),
});
type StateFile = z.infer<typeof stateFileSchema>;

/**
 * What the local Partner Center has done: the customers it created, the request ids that made them,
 * the agreements it recorded. In memory, and in `dataFile` when given (the whole state as JSON, written
 * to a temporary file and renamed over it, so a crash leaves the old or the new state, never half).
 * A change is in memory at once (a concurrent request sees it) and is answered after it is on disk.
 */
export class LocalState {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly state: StateFile,
    private readonly dataFile: string | undefined,
  ) {}

  static async open(dataFile?: string): Promise<LocalState> {
    if (!dataFile) return new LocalState(emptyState(), undefined);
    let text: string;
    try {
      text = await readFile(dataFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new LocalState(emptyState(), dataFile);
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`Local Partner Center data file ${dataFile} is not valid JSON: ${String(error)}`, {
        cause: error,
      });
    }
    const parsed = stateFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `Local Partner Center data file ${dataFile} cannot be used:\n${z.prettifyError(parsed.error)}`,
      );
    }
    return new LocalState(parsed.data, dataFile);
  }

  customerByRequestId(requestId: string): StoredCustomer | undefined {
    const id = this.state.requestIds[requestId];
    return id ? this.state.customers.find((customer) => customer.id === id) : undefined;
  }

  customerByTenantId(tenantId: string): StoredCustomer | undefined {
    const id = tenantId.toLowerCase();
    return this.state.customers.find((customer) => customer.tenantId === id);
  }

  domainExists(domain: string): boolean {
    const wanted = domain.toLowerCase();
    return this.state.customers.some((customer) => customer.domain === wanted);
  }

  customers(): readonly StoredCustomer[] {
    return this.state.customers;
  }

  agreements(): readonly StoredAgreement[] {
    return this.state.agreements;
  }

  async addCustomer(customer: StoredCustomer, requestId: string | undefined): Promise<void> {
    this.state.customers.push(customer);
    if (requestId) this.state.requestIds[requestId] = customer.id;
    try {
      await this.save();
    } catch (error) {
      this.state.customers = this.state.customers.filter((stored) => stored !== customer);
      if (requestId) delete this.state.requestIds[requestId];
      throw error;
    }
  }

  async addAgreement(agreement: StoredAgreement): Promise<void> {
    this.state.agreements.push(agreement);
    try {
      await this.save();
    } catch (error) {
      this.state.agreements = this.state.agreements.filter((stored) => stored !== agreement);
      throw error;
    }
  }

  /** Resolves when every change so far is on disk (or failed to get there). */
  async settled(): Promise<void> {
    await this.writing;
  }

  private save(): Promise<void> {
    const dataFile = this.dataFile;
    if (!dataFile) return Promise.resolve();
    // Each write takes the state as it is when its turn comes, so it includes every earlier change.
    const next = this.writing.then(() =>
      writeAtomically(dataFile, `${JSON.stringify(this.state, null, 2)}\n`),
    );
    this.writing = next.catch(() => undefined);
    return next;
  }
}

function emptyState(): StateFile {
  return { version: 1, customers: [], requestIds: {}, agreements: [] };
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    // Readable by the bot's user only: like Microsoft's service, it holds the temporary passwords it
    // handed out (so a repeated request id gets the same answer).
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
