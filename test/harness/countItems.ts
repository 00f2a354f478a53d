import type { Database, SqlParameter } from '@azure/cosmos';
import { containerDefinitions } from '../../services/cosmos/containers';

/** How many items of a container match (all of them without a filter). */
export async function countItems(
  database: Database,
  container: string,
  where = '',
  parameters: SqlParameter[] = [],
): Promise<number> {
  const query = `SELECT VALUE COUNT(1) FROM c${where ? ` WHERE ${where}` : ''}`;
  const { resources } = await database.container(container).items.query({ query, parameters }).fetchAll();
  return Number(resources[0]);
}

/** How many customer records have this tenant domain ("contoso.onmicrosoft.com"). */
export function customersWithDomain(database: Database, domain: string): Promise<number> {
  return countItems(database, containerDefinitions.customers.id, 'c.domain = @domain', [
    { name: '@domain', value: domain },
  ]);
}
