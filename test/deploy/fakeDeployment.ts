import type { ArmObject } from './armValue';

/** A resourceId() call as evaluated: the type and the names it was given. */
export interface ResourceIdCall {
  type: string;
  names: string[];
  id: string;
}

/**
 * What a deployment into a resource group provides to a template: subscription(), resourceGroup(),
 * resourceId(), and reference() with the runtime properties Azure returns for the types the template
 * reads. Every value is distinct, so a test can tell a clientId from a principalId. It records every
 * resourceId() and reference() call for the checks on their targets.
 */
export class FakeDeployment {
  readonly subscriptionId = '6f1e0a3c-0000-4000-8000-000000000001';
  readonly tenantId = '6f1e0a3c-0000-4000-8000-000000000002';
  readonly resourceGroupName = 'rg-onboarding';
  readonly location = 'westeurope';
  readonly identity = {
    clientId: '6f1e0a3c-0000-4000-8000-00000000c11e',
    principalId: '6f1e0a3c-0000-4000-8000-0000000000b1',
  };
  readonly resourceIdCalls: ResourceIdCall[] = [];
  readonly referenceCalls: string[] = [];

  subscription(): ArmObject {
    return {
      id: `/subscriptions/${this.subscriptionId}`,
      subscriptionId: this.subscriptionId,
      tenantId: this.tenantId,
      displayName: 'Partner subscription',
    };
  }

  resourceGroup(): ArmObject {
    return {
      id: `/subscriptions/${this.subscriptionId}/resourceGroups/${this.resourceGroupName}`,
      name: this.resourceGroupName,
      location: this.location,
      properties: { provisioningState: 'Succeeded' },
    };
  }

  resourceId(type: string, names: string[]): string {
    const id = this.idOf(type, names);
    this.resourceIdCalls.push({ type, names, id });
    return id;
  }

  /** Resource ids as ARM builds them: the namespace, then each type segment with its name. */
  idOf(type: string, names: string[]): string {
    const [namespace, ...typeSegments] = type.split('/');
    if (!namespace || typeSegments.length === 0 || typeSegments.length !== names.length) {
      throw new Error(
        `resourceId('${type}', ${names.map((name) => `'${name}'`).join(', ')}): one name per type segment`,
      );
    }
    const path = typeSegments.map((segment, index) => `${segment}/${names[index]}`).join('/');
    return `${this.resourceGroup().id as string}/providers/${namespace}/${path}`;
  }

  reference(id: string): ArmObject {
    this.referenceCalls.push(id);
    const type = typeOfResourceId(id);
    const name = id.split('/').at(-1)!;
    switch (type.toLowerCase()) {
      case 'microsoft.managedidentity/userassignedidentities':
        return { ...this.identity, tenantId: this.tenantId };
      case 'microsoft.documentdb/databaseaccounts':
        return {
          documentEndpoint: `https://${name}.documents.azure.com:443/`,
          provisioningState: 'Succeeded',
        };
      case 'microsoft.web/sites':
        // New apps may get a region-scoped unique host, so the template must read it, not build it.
        return { defaultHostName: `${name}-b7c9d2.westeurope-01.azurewebsites.net`, state: 'Running' };
      default:
        throw new Error(`reference() to ${type} is not modelled by the fake deployment`);
    }
  }
}

/** Microsoft.X/a/n1/b/n2 from /subscriptions/.../providers/Microsoft.X/a/n1/b/n2 gives Microsoft.X/a/b. */
export function typeOfResourceId(id: string): string {
  const match = /\/providers\/([^/]+)\/(.+)$/.exec(id);
  if (!match) throw new Error(`"${id}" is not a resource id`);
  const segments = match[2]!.split('/');
  return [match[1]!, ...segments.filter((_, index) => index % 2 === 0)].join('/');
}
