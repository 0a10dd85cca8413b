import { maskPhone } from '../../../domain/roster/idcard.js';
import type { DrainReport } from './outbox.js';

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

/**
 * The SMS side of a context: the adapter that sends (a running server sets one that writes to
 * its log, a test its own) and the drain in progress, so that drains in one process are chained.
 */
export interface SmsState {
  adapter: SmsAdapter;
  drain: Promise<DrainReport> | null;
}

export const newSmsState = (): SmsState => ({ adapter: new LogSmsAdapter(), drain: null });
