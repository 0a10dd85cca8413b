import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest (等保 / 密评): SM4-CTR with an SM3-HMAC over iv‖ciphertext, and a keyed
 * SM3 digest for look-ups. The key lives in the environment or a key file, never in the database.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed digest for uniqueness and equality look-ups. */
  digest(plain: string): string;
}

export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

export function loadKey(keyHex: string | undefined, keyFile: string): Buffer {
  if (keyHex) return parseKey(keyHex, '环境变量 NIANHUI_KEY');
  if (fs.existsSync(keyFile)) return parseKey(fs.readFileSync(keyFile, 'utf8').trim(), keyFile);
  const key = crypto.randomBytes(16);
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  fs.writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function parseKey(hex: string, where: string): Buffer {
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`${where} 中的密钥必须是 32 位十六进制数（SM4 128 位）`);
  return Buffer.from(hex, 'hex');
}

/** A sub-key for one purpose: HMAC-SM3 of the server key over a label (32 bytes). */
export function deriveKey(key: Buffer, label: string): Buffer {
  return crypto.createHmac('sm3', key).update(label).digest();
}

export function createFieldCipher(key: Buffer): FieldCipher {
  // Separate sub-keys for encryption, authentication and look-up digests.
  const sub = (label: string) => deriveKey(key, label).subarray(0, 16);
  const encKey = sub('enc');
  const macKey = sub('mac');
  const idxKey = sub('idx');
  const mac = (data: Buffer) => crypto.createHmac('sm3', macKey).update(data).digest();
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(16);
      const c = crypto.createCipheriv('sm4-ctr', encKey, iv);
      const body = Buffer.concat([iv, c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([body, mac(body)]).toString('base64');
    },
    decrypt(stored) {
      const all = Buffer.from(stored, 'base64');
      const body = all.subarray(0, all.length - 32);
      if (!crypto.timingSafeEqual(mac(body), all.subarray(all.length - 32))) {
        throw new Error('加密字段校验失败：数据被篡改或密钥不符');
      }
      const d = crypto.createDecipheriv('sm4-ctr', encKey, body.subarray(0, 16));
      return Buffer.concat([d.update(body.subarray(16)), d.final()]).toString('utf8');
    },
    digest(plain) {
      return crypto.createHmac('sm3', idxKey).update(plain).digest('hex');
    },
  };
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
