import type { DelegateInputT } from '../../../domain/schemas/roster.js';
import { validateIdNumber, validatePhone } from '../../../domain/roster/idcard.js';
import { strokeSortKey } from '../../../domain/names/stroke-order.js';
import type { FieldCipher } from '../../security/crypto.js';
import type { DelegateInsert } from './repository.js';

export interface FieldProblem {
  field: keyof DelegateInputT;
  message: string;
}

/**
 * The checks a delegate's data must pass whether typed in a form or read from a workbook;
 * returns the normalised phone and ID number along with the problems.
 */
export function checkDelegate(input: DelegateInputT): { problems: FieldProblem[]; phone: string | null; idNumber: string | null } {
  const problems: FieldProblem[] = [];
  let phone: string | null = null;
  let idNumber: string | null = null;
  if (input.phone) {
    const p = validatePhone(input.phone);
    if (p.ok) phone = p.value;
    else problems.push({ field: 'phone', message: p.message });
  }
  if (input.idNumber) {
    const r = validateIdNumber(input.idNumber);
    if (r.ok) {
      idNumber = r.value;
      if (input.birthDate && !r.birthDate.startsWith(input.birthDate)) {
        problems.push({ field: 'birthDate', message: `出生年月与身份证号（${r.birthDate.slice(0, 7)}）不一致` });
      }
      if (r.gender !== input.gender) problems.push({ field: 'gender', message: `性别与身份证号（${r.gender}）不一致` });
    } else problems.push({ field: 'idNumber', message: r.message });
  }
  if (input.birthDate && input.partyJoinDate && input.partyJoinDate < input.birthDate) {
    problems.push({ field: 'partyJoinDate', message: '入党时间早于出生日期' });
  }
  return { problems, phone, idNumber };
}

type DelegateValues = Omit<DelegateInsert, 'townshipId' | 'termId'>;

/** The stored form: personal numbers SM4-encrypted with a keyed digest beside them. */
export function toDelegateValues(
  cipher: FieldCipher,
  input: DelegateInputT,
  checked: { phone: string | null; idNumber: string | null },
  electoralUnitId: string | null,
): DelegateValues {
  return {
    name: input.name,
    nameSortKey: strokeSortKey(input.name),
    gender: input.gender,
    ethnicity: input.ethnicity || '汉族',
    birthDate: input.birthDate ?? null,
    partyJoinDate: input.partyJoinDate ?? null,
    education: input.education ?? null,
    workplace: input.workplace ?? null,
    category: input.category ?? null,
    electoralUnitId,
    phoneEnc: checked.phone ? cipher.encrypt(checked.phone) : null,
    phoneHash: checked.phone ? cipher.digest(checked.phone) : null,
    idNumberEnc: checked.idNumber ? cipher.encrypt(checked.idNumber) : null,
    idNumberHash: checked.idNumber ? cipher.digest(checked.idNumber) : null,
  };
}
