import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { CustomerService } from '../../services/customers/customerService';

/** The one stored record with this exact legal name; fails when there is none or more than one. */
export async function storedCustomer(service: CustomerService, legalName: string): Promise<CustomerRecord> {
  const page = await service.searchCustomers(legalName, { pageSize: 50 });
  const matches = page.customers.filter((customer) => customer.legalName === legalName);
  if (matches.length !== 1) throw new Error(`${matches.length} customers named ${legalName}`);
  const stored = await service.getCustomer(matches[0]!.id);
  if (!stored) throw new Error(`The record of ${legalName} is gone`);
  return stored.customer;
}
