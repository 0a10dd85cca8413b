import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../../domain/accounts/roles.js';
import { TownshipParams } from '../../../domain/schemas/common.js';
import {
  AccountList,
  AccountParams,
  AccountSummary,
  CountyAccountList,
  CreatedAccount,
  IssuedPassword,
  CountyAccountBody,
  CountyAccountParams,
  CountyAccountQuery,
  TownshipAccountBody,
} from '../../../domain/schemas/accounts.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import * as service from './service.js';

/** Account managers; which accounts each may touch is decided in policy.ts. */
const MANAGERS: readonly Role[] = ['townshipAdmin', 'countyAdmin'];
const ACTIONS = [
  ['reset-password', '重置密码（签发新的临时密码）', IssuedPassword, service.resetPassword],
  ['disable', '停用账户', AccountSummary, (ctx, u, reach, id) => service.setDisabled(ctx, u, reach, id, true)],
  ['enable', '启用账户', AccountSummary, (ctx, u, reach, id) => service.setDisabled(ctx, u, reach, id, false)],
  ['unlock', '解除锁定', AccountSummary, service.unlock],
] as const satisfies readonly [string, string, z.ZodType, (ctx: AppContext, u: ReturnType<typeof requireUser>, reach: service.Reach, id: string) => Promise<unknown>][];

const COUNTY_ADMIN: readonly Role[] = ['countyAdmin'];

export function accountRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.get('/api/townships/:townshipId/accounts', { config: { access: MANAGERS }, schema: { params: TownshipParams, tags, summary: '本乡镇账户列表', response: { 200: AccountList } } }, async (req) => {
    const s = req.scope;
    return { items: await service.listTownshipAccounts(ctx, s) };
  });
  r.post('/api/townships/:townshipId/accounts', { config: { access: MANAGERS }, schema: { params: TownshipParams, body: TownshipAccountBody, tags, summary: '创建账户（返回一次性显示的临时密码）', response: { 201: CreatedAccount } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createTownshipAccount(ctx, s, req.body));
  });

  r.get('/api/county/accounts', { config: { access: COUNTY_ADMIN }, schema: { querystring: CountyAccountQuery, tags, summary: '全县账户列表', response: { 200: CountyAccountList } } }, async (req) => {
    return { items: await service.listCountyAccounts(ctx, requireUser(req), req.query) };
  });
  r.post('/api/county/accounts', { config: { access: COUNTY_ADMIN }, schema: { body: CountyAccountBody, tags, summary: '创建县级或乡镇管理员账户', response: { 201: CreatedAccount } } }, async (req, reply) => {
    return reply.status(201).send(await service.createCountyAccount(ctx, requireUser(req), req.body));
  });

  for (const [path, summary, answer, run] of ACTIONS) {
    r.post(`/api/townships/:townshipId/accounts/:userId/${path}`, { config: { access: MANAGERS }, schema: { params: AccountParams, tags, summary, response: { 200: answer } } }, async (req) => {
      const s = req.scope;
      return run(ctx, s.user, { townshipId: s.township.id }, req.params.userId);
    });
    r.post(`/api/county/accounts/:userId/${path}`, { config: { access: COUNTY_ADMIN }, schema: { params: CountyAccountParams, tags, summary, response: { 200: answer } } }, async (req) => {
      return run(ctx, requireUser(req), { county: true }, req.params.userId);
    });
  }
}
