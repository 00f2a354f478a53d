import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';

/** What Teams tells about an agent beyond the activity: their name and sign-in name. */
export interface MemberProfile {
  name?: string;
  userPrincipalName?: string;
}

const memberSchema = z.looseObject({
  name: z.string().min(1).optional(),
  userPrincipalName: z.string().min(1).optional(),
});

const ttlMs = 15 * 60_000;
const maxEntries = 1_000;

/**
 * Looks an agent up in Teams (`TeamsInfo.getMember`, on the msteams channel only) and keeps the answer
 * for a while, so a turn rarely pays a call to Teams. A failed lookup is not kept and costs nothing
 * but the profile: the activity's own name still stands.
 */
export class TeamsMembers {
  private readonly known = new Map<string, { profile: MemberProfile; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async profileOf(context: TurnContext): Promise<MemberProfile | undefined> {
    const { channelId, from } = context.activity;
    if (channelId !== 'msteams' || !from?.id || !from.aadObjectId) return undefined;
    const key = from.aadObjectId;
    const cached = this.known.get(key);
    if (cached && cached.until > this.now()) return cached.profile;
    try {
      const parsed = memberSchema.parse(await TeamsInfo.getMember(context, from.id));
      const profile: MemberProfile = {
        ...(parsed.name ? { name: parsed.name } : {}),
        ...(parsed.userPrincipalName ? { userPrincipalName: parsed.userPrincipalName } : {}),
      };
      this.remember(key, profile);
      return profile;
    } catch {
      return undefined;
    }
  }

  private remember(key: string, profile: MemberProfile): void {
    this.known.delete(key);
    this.known.set(key, { profile, until: this.now() + ttlMs });
    if (this.known.size > maxEntries) this.known.delete(this.known.keys().next().value!);
  }
}
