import { randomUUID } from 'node:crypto';
import type { Database } from '@azure/cosmos';
import { containerDefinitions, ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import type { DeliveryOrigin } from '../../services/notifications/deliveryAddress';
import { OnboardingNotifications } from '../../services/notifications/onboardingNotifications';
import { RecipientStore, personRecipientId } from '../../services/notifications/recipientStore';
import { RoleDirectory } from '../../services/roles/roleDirectory';

const origin: DeliveryOrigin = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example.test/emea/',
  tenantId: '5b1c2d3e-4f50-4a6b-9c7d-8e9fa0b1c2d3',
  botId: '28:bot',
};

/**
 * An instance keeps the managers and recipients it read for the next submit, and reads them again as
 * soon as anyone (this instance, another one, the roles command line) changed either.
 */
describe('the roster an instance keeps for notifications', () => {
  let cosmos: EmbeddedCosmos;
  let access: CosmosAccess;
  let database: Database;
  let clock: number;
  let rosterReads: number;
  let instance: OnboardingNotifications;
  /** Another instance, or the roles command line, on the same database. */
  let otherRoles: RoleDirectory;
  let otherRecipients: RecipientStore;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    access = createCosmosAccess({ endpoint: cosmos.endpoint, key: 'any' });
    ({ database } = await access.client.databases.createIfNotExists({ id: 'roster' }));
    await ensureContainers(database);
  });
  afterAll(async () => {
    access.dispose();
    await cosmos.stop();
  });

  beforeEach(async () => {
    await database.container(containerDefinitions.agentRoles.id).delete();
    await database.container(containerDefinitions.notificationRecipients.id).delete();
    await ensureContainers(database);
    clock = 0;
    rosterReads = 0;
    const roles = RoleDirectory.forDatabase(database);
    instance = new OnboardingNotifications({
      database,
      managers: async () => {
        rosterReads += 1;
        return roles.withRole('manager');
      },
      rosterMaxAgeMs: 60_000,
      clock: () => clock,
    });
    otherRoles = RoleDirectory.forDatabase(database);
    otherRecipients = RecipientStore.forDatabase(database);
  });

  const notifiedFor = async () =>
    (
      await instance.enqueue(
        { customerId: randomUUID(), legalName: 'Contoso B.V.', createdAt: new Date().toISOString() },
        origin,
      )
    ).map((recipient) => recipient.name);

  it('reads the managers and recipients once while nothing changes', async () => {
    await otherRoles.assign(randomUUID(), ['manager'], { by: 'test', displayName: 'Sanne' });
    expect(await notifiedFor()).toEqual(['Sanne']);
    expect(await notifiedFor()).toEqual(['Sanne']);
    expect(await instance.managerIds()).toHaveProperty('size', 1);
    expect(rosterReads).toBe(1);
  });

  it('sees a manager another instance added, and one it took the role from, at once', async () => {
    const sanne = randomUUID();
    await otherRoles.assign(sanne, ['manager'], { by: 'test', displayName: 'Sanne' });
    expect(await notifiedFor()).toEqual(['Sanne']);
    await otherRoles.assign(randomUUID(), ['manager'], { by: 'test', displayName: 'Joris' });
    expect((await notifiedFor()).sort()).toEqual(['Joris', 'Sanne']);
    await otherRoles.remove(sanne, 'manager', { by: 'test' });
    expect(await notifiedFor()).toEqual(['Joris']);
    expect(rosterReads).toBe(3);
  });

  it("sees a manager's choice made on another instance at once", async () => {
    const sanne = randomUUID();
    await otherRoles.assign(sanne, ['manager'], { by: 'test', displayName: 'Sanne' });
    expect(await notifiedFor()).toEqual(['Sanne']);
    await otherRecipients.unsubscribe(sanne);
    expect(await notifiedFor()).toEqual([]);
    await otherRecipients.subscribe(sanne);
    expect(await notifiedFor()).toEqual(['Sanne']);
    await otherRecipients.deactivate(personRecipientId(sanne), 'ConversationBlockedByUser');
    expect(await notifiedFor()).toEqual([]);
  });

  it('sees a change written without its revision (an edit in the portal) once its copy is too old', async () => {
    const sanne = randomUUID();
    await otherRoles.assign(sanne, ['manager'], { by: 'test', displayName: 'Sanne' });
    expect(await notifiedFor()).toEqual(['Sanne']);
    await database
      .container(containerDefinitions.agentRoles.id)
      .items.upsert({ id: sanne, roles: [], updatedAt: new Date().toISOString(), updatedBy: 'portal' });
    clock = 59_000;
    expect(await notifiedFor()).toEqual(['Sanne']);
    clock = 60_000;
    expect(await notifiedFor()).toEqual([]);
  });
});
