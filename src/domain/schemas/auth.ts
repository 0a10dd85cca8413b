import { z } from 'zod';
import { Text } from './text.js';

export const LoginBody = z.object({
  username: Text().trim().min(1, '请输入用户名').max(64),
  password: Text().min(1, '请输入密码').max(128),
});

export const ChangePasswordBody = z.object({
  currentPassword: Text().min(1, '请输入当前密码').max(128),
  newPassword: Text().min(1, '请输入新密码').max(128),
});
