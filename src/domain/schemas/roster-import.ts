import { z } from 'zod';

export const RosterExportQuery = z.object({
  status: z.enum(['active', 'suspended', 'terminated'], '状态应为 active、suspended 或 terminated').optional(),
});
