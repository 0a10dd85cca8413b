import type { z } from 'zod';
import { checkStatusChange, STATUS_REASONS, type DelegateStatus } from '../../../domain/roster/status.js';
import type { StatusChangeBody } from '../../../domain/schemas/roster.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { runUseCase } from '../../use-case.js';
import { removeFromAllGroups } from '../groups/index.js';
import * as repo from './repository.js';
import { loadSummary } from './service.js';

type StatusChange = z.infer<typeof StatusChangeBody>;

/**
 * 停止执行职务 / 资格终止 / 恢复执行职务: the change, its record and its audit entry in one
 * transaction. A terminated delegate also leaves every delegate group.
 */
export async function changeStatus(ctx: AppContext, s: TownshipScope, id: string, body: StatusChange) {
  if (body.filedWithCountyOn && body.filedWithCountyOn < body.decidedOn) throw invalid('报县委组织部备案日期不能早于决定日期');
  const townshipId = s.township.id;
  const to = STATUS_REASONS[body.reason].to;
  const summary = await runUseCase(ctx, {
    actor: actorOf(s.user),
    // The rule reads the delegate's status: locked first, so a second change waits and sees the first.
    lock: async (tx) => {
      const delegate = await repo.lockDelegate(tx, townshipId, id);
      if (!delegate) throw notFound('代表');
      return delegate;
    },
    decide: async (tx, delegate) => {
      const from = delegate.status as DelegateStatus;
      const refusal = checkStatusChange(from, body.reason);
      if (refusal) throw conflict(refusal);
      const change = await repo.insertStatusChange(tx, {
        townshipId,
        delegateId: id,
        fromStatus: from,
        toStatus: to,
        reason: body.reason,
        note: body.note || null,
        decidedBy: body.decidedBy,
        decidedOn: body.decidedOn,
        filedWithCountyOn: body.filedWithCountyOn ?? null,
        createdBy: s.user.id,
      });
      await repo.updateDelegate(tx, townshipId, id, { status: to, statusSince: body.decidedOn });
      const leftGroups = to === 'terminated' ? await removeFromAllGroups(tx, townshipId, id) : [];
      return {
        result: (await loadSummary(ctx, tx, townshipId, id)).summary,
        audit: {
          townshipId,
          action: 'delegate.status',
          entity: 'delegate',
          entityId: id,
          before: { name: delegate.name, status: from, statusSince: delegate.statusSince },
          after: {
            status: to,
            statusSince: body.decidedOn,
            changeId: change.id,
            reason: body.reason,
            reasonLabel: STATUS_REASONS[body.reason].label,
            decidedBy: body.decidedBy,
            filedWithCountyOn: body.filedWithCountyOn ?? null,
            note: body.note ?? null,
            ...(leftGroups.length ? { leftGroups } : {}),
          },
        },
      };
    },
  });
  ctx.hub.publish({ channel: `township:${townshipId}`, type: 'delegate.status', data: { delegateId: id, status: to } });
  return summary;
}
