import { maskPhone } from '../../../domain/roster/idcard.js';
import type { AppContext } from '../../context.js';

/** Sends one text message; throws when the gateway refuses, so the outbox can try again. */
export interface SmsAdapter {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export interface SmsLogger {
  info(obj: object, msg: string): void;
}

const consoleLogger: SmsLogger = {
  info: (obj, msg) => console.log(JSON.stringify({ msg, ...obj })),
};

/**
 * The default adapter when no SMS gateway is configured: the message goes to the server log
 * (phone masked, as everywhere outside the encrypted column) and counts as sent.
 */
export class LogSmsAdapter implements SmsAdapter {
  readonly name = 'log';
  constructor(private readonly logger: SmsLogger = consoleLogger) {}

  async send(phone: string, text: string): Promise<void> {
    this.logger.info({ sms: { to: maskPhone(phone), text } }, 'SMS（未配置短信网关，仅记录日志）');
  }
}

const adapters = new WeakMap<AppContext, SmsAdapter>();

/** Chooses the adapter of a running server (main.ts) or of a test. */
export function useSmsAdapter(ctx: AppContext, adapter: SmsAdapter) {
  adapters.set(ctx, adapter);
}

export function smsAdapterOf(ctx: AppContext): SmsAdapter {
  let a = adapters.get(ctx);
  if (!a) {
    a = new LogSmsAdapter();
    adapters.set(ctx, a);
  }
  return a;
}
