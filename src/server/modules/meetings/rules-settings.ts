import { DEFAULT_RULES, parseMeetingRules, type MeetingRules } from '../../../domain/meeting/rules.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { writeAudit } from '../../audit/audit.js';
import { getSetting, putSetting } from '../settings/index.js';

export const RULES_KEY = 'meetingRules';

export async function loadRules(db: Executor, townshipId: string): Promise<{ rules: MeetingRules; isDefault: boolean }> {
  const stored = await getSetting(db, townshipId, RULES_KEY);
  return { rules: parseMeetingRules(stored), isDefault: stored === undefined };
}

export async function getMeetingRules(ctx: AppContext, s: TownshipScope) {
  return { ...(await loadRules(ctx.database.db, s.township.id)), defaults: DEFAULT_RULES };
}

/** Changes the township's rules; meetings already created keep the rules they copied. */
export async function putMeetingRules(ctx: AppContext, s: TownshipScope, rules: MeetingRules) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadRules(tx, s.township.id);
    await putSetting(tx, s.township.id, RULES_KEY, rules);
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'settings.update',
      entity: 'settings',
      entityId: RULES_KEY,
      before: before.rules,
      after: rules,
    });
    return { rules, isDefault: false, defaults: DEFAULT_RULES };
  });
}
