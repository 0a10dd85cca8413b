import { z } from 'zod';

/** Every error the API answers, whatever its status (see server/http/errors.ts). */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: '稳定的错误代码（VALIDATION、NOT_FOUND、CONFLICT…），供程序判断' }),
      message: z.string().meta({ description: '给用户看的中文说明' }),
      details: z.unknown().optional().meta({ description: '校验错误的逐项说明等' }),
    }),
  })
  .meta({ description: '错误' });
export type ErrorResponseT = z.infer<typeof ErrorResponse>;
