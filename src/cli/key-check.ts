import fs from 'node:fs';
import type { Config } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { createFieldCipher, loadKey } from '../server/security/crypto.js';

/**
 * After a restore: does the key this installation will use open the restored personal data?
 * Tries one encrypted value (any `*_enc` column). Never creates a key: the server would, and
 * a new key would leave every restored ID and phone number unreadable.
 */
export async function checkKeyAgainstData(config: Config, database: Database): Promise<string> {
  const cols = await database.query<{ t: string; c: string }>(
    `select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_enc' order by 1, 2`,
  );
  let sample: string | undefined;
  for (const { t, c } of cols) {
    const [row] = await database.query<{ v: string }>(`select "${c}" as v from "${t}" where "${c}" is not null limit 1`);
    if (row) {
      sample = row.v;
      break;
    }
  }
  const keyThere = !!config.keyHex || fs.existsSync(config.keyFile);
  if (!keyThere) {
    return `警告：未找到密钥（${config.keyFile} 不存在，也未设置 NIANHUI_KEY）。请在启动服务器之前，把备份时使用的密钥文件复制到该位置；否则服务器会生成新密钥，恢复的身份证号和手机号将无法解密。`;
  }
  if (!sample) return '密钥：备份中没有加密的个人信息，无需核对。';
  try {
    createFieldCipher(loadKey(config.keyHex, config.keyFile)).decrypt(sample);
    return '密钥核对：当前密钥可以解密恢复的个人信息。';
  } catch {
    return '警告：当前密钥无法解密恢复的个人信息。请换用备份时使用的密钥文件（或 NIANHUI_KEY），否则身份证号和手机号无法读取。';
  }
}
