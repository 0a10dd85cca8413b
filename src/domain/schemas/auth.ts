import { z } from 'zod';
import { Text } from './text.js';
import { ROLE_IDS, type Role } from '../accounts/roles.js';
import { TownshipRef } from './tenancy.js';

export const LoginBody = z.object({
  username: Text().trim().min(1, '请输入用户名').max(64),
  password: Text().min(1, '请输入密码').max(128),
});

export const ChangePasswordBody = z.object({
  currentPassword: Text().min(1, '请输入当前密码').max(128),
  newPassword: Text().min(1, '请输入新密码').max(128),
});

export const LoginResult = z.object({ csrfToken: z.string(), mustChangePassword: z.boolean() });

/** The signed-in user, the CSRF token for changes, and the townships within reach. */
export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_IDS as [Role, ...Role[]]),
  roleName: z.string(),
  countyId: z.string(),
  townshipId: z.string().nullable(),
  delegateId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  townships: z.array(TownshipRef),
});

/** The session the web asks for on every page: the user, or null for a visitor (never a 401). */
export const SessionAnswer = z.object({ user: Me.nullable() });
