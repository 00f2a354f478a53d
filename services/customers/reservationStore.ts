import type { Container } from '@azure/cosmos';
import { z } from 'zod';

/**
 * Store-wide unique values as items whose id *is* the value ("domain:contoso",
 * "name:NL:contoso") in a container partitioned on /id: creating one succeeds for exactly one caller,
 * in any number of instances, which a unique key policy (valid inside one logical partition only)
 * cannot give.
 *
 * A reservation is written `pending` and stays so: until it expires its submission holds it, and
 * after that the record it names does, if it was written. A pending one whose submission was abandoned
 * (expired, and no record was written) may be taken over, so a half-finished create never burns a
 * domain prefix. Marking it `confirmed` once the record exists would spare that one read of the record
 * for each later look at an expired reservation, at the price of two writes per submit; items written
 * so (and `submission:` items) may still be in the store and are read as they are.
 */
export const reservationSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  submissionKey: z.string(),
  state: z.enum(['pending', 'confirmed']),
  /**
   * On a domain reservation: normaliseName of the legal name it was claimed for, so a submission still
   * under way for the same customer is told apart from another company's. Absent on older items.
   */
  nameKey: z.string().optional(),
  reservedAt: z.string(),
  expiresAt: z.string().optional(),
});

export type Reservation = z.infer<typeof reservationSchema>;

export type ClaimResult =
  /** `fresh`: created or taken over now, rather than already held by the same submission. */
  { claimed: true; fresh: boolean; reservation: Reservation } | { claimed: false; holder: Reservation };

export interface ClaimRequest {
  id: string;
  customerId: string;
  submissionKey: string;
  /** See Reservation.nameKey. */
  nameKey?: string;
}

export class ReservationStore {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date,
    private readonly pendingLifetimeMs: number,
    /** Whether the customer a reservation points at has been written. */
    private readonly recordExists: (customerId: string) => Promise<boolean>,
  ) {}

  async read(id: string): Promise<{ reservation: Reservation; etag: string } | undefined> {
    const { resource, etag } = await this.container.item(id, id).read();
    return resource ? { reservation: reservationSchema.parse(resource), etag } : undefined;
  }

  /** Whether a value is held by a submission that completed, or by one that may still complete. */
  async isHeld(reservation: Reservation): Promise<boolean> {
    return (
      reservation.state === 'confirmed' ||
      !this.expired(reservation) ||
      this.recordExists(reservation.customerId)
    );
  }

  /**
   * Claims a value for a submission. Succeeds when the value is free, already ours (a retry with the
   * same idempotency key), or held by an abandoned submission; otherwise answers who holds it.
   */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const fresh = this.pending(request);
      try {
        await this.container.items.create(fresh);
        return { claimed: true, fresh: true, reservation: fresh };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const existing = await this.read(request.id);
      if (!existing) continue; // released between our create and our read: try again
      const { reservation, etag } = existing;
      if (reservation.submissionKey === request.submissionKey)
        return { claimed: true, fresh: false, reservation };
      if (await this.isHeld(reservation)) return { claimed: false, holder: reservation };
      try {
        await this.container.item(request.id, request.id).replace(fresh, {
          accessCondition: { type: 'IfMatch', condition: etag },
        });
        return { claimed: true, fresh: true, reservation: fresh };
      } catch (error) {
        if (statusOf(error) !== 412) throw error; // someone else took it over first: look again
      }
    }
    const holder = await this.read(request.id);
    if (!holder) throw new Error(`Reservation ${request.id} keeps changing; giving up`);
    return { claimed: false, holder: holder.reservation };
  }

  /**
   * Gives a value back whatever its state, only if it still names this customer: the customer was
   * never created (Partner Center refused it), so the name and domain are free for a corrected try.
   */
  giveBack(id: string, customerId: string): Promise<void> {
    return this.deleteIf(id, (held) => held.customerId === customerId);
  }

  /** Gives a pending value back, only if this submission still holds it. */
  release(id: string, submissionKey: string): Promise<void> {
    return this.deleteIf(id, (held) => held.submissionKey === submissionKey && held.state !== 'confirmed');
  }

  /** Deletes the reservation if it is as `holds` wants it, and nobody changed it since it was read. */
  private async deleteIf(id: string, holds: (reservation: Reservation) => boolean): Promise<void> {
    const existing = await this.read(id);
    if (!existing || !holds(existing.reservation)) return;
    try {
      await this.container
        .item(id, id)
        .delete({ accessCondition: { type: 'IfMatch', condition: existing.etag } });
    } catch (error) {
      if (![404, 412].includes(statusOf(error))) throw error;
    }
  }

  private pending(request: ClaimRequest): Reservation {
    const now = this.now();
    return {
      id: request.id,
      customerId: request.customerId,
      submissionKey: request.submissionKey,
      ...(request.nameKey !== undefined ? { nameKey: request.nameKey } : {}),
      state: 'pending',
      reservedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.pendingLifetimeMs).toISOString(),
    };
  }

  private expired(reservation: Reservation): boolean {
    return reservation.expiresAt !== undefined && Date.parse(reservation.expiresAt) <= this.now().getTime();
  }
}

export function statusOf(error: unknown): number {
  return typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : 0;
}

export const reservationIds = {
  domain: (prefix: string) => `domain:${prefix}`,
  name: (country: string, nameKey: string) => `name:${country}:${nameKey}`,
};
