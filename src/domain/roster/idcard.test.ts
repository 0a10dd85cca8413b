import { describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber, maskPhone, validateIdNumber, validatePhone } from './idcard.js';

/** Check digit by the standard's own formula, written independently of the module's table. */
function check(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const id = (first17: string) => first17 + check(first17);

describe('idCheckDigit', () => {
  it('matches the examples printed in GB 11643-1999', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });

  it('agrees with the standard formula for many numbers', () => {
    let seed = 12345;
    for (let n = 0; n < 500; n++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const first17 = String(seed).padStart(10, '0') + '1975030';
      expect(idCheckDigit(first17)).toBe(check(first17));
    }
  });
});

describe('validateIdNumber', () => {
  it('accepts the standard example and reads birth date and gender', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
    });
  });

  it.each([
    ['33010619750301001', '1975-03-01', '男'],
    ['33010619750301002', '1975-03-01', '女'],
    ['51010719800229123', '1980-02-29', '男'],
    ['65010220001231456', '2000-12-31', '女'],
    ['81000019900615777', '1990-06-15', '男'],
    ['71000019680808008', '1968-08-08', '女'],
    ['23010319560101009', '1956-01-01', '男'],
  ])('accepts %s with its check digit', (first17, birthDate, gender) => {
    expect(validateIdNumber(id(first17))).toEqual({ ok: true, value: id(first17), birthDate, gender });
  });

  it('normalises a lower-case x, spaces, full-width digits and dashes', () => {
    expect(validateIdNumber('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber(' 110105 19491231 002X ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true });
    expect(validateIdNumber('110105-19491231-002X')).toMatchObject({ ok: true });
  });

  it('rejects a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, message: '身份证号校验位错误' });
    const good = id('33010619750301001');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(validateIdNumber(bad)).toEqual({ ok: false, message: '身份证号校验位错误' });
  });

  it('rejects a single mistyped digit, which the check digit is designed to catch', () => {
    const good = id('33010619750301001');
    for (let i = 0; i < 17; i++) {
      const digit = String((Number(good[i]) + 1) % 10);
      const typo = good.slice(0, i) + digit + good.slice(i + 1);
      expect(validateIdNumber(typo).ok).toBe(false);
    }
  });

  it('rejects impossible birth dates even with a correct check digit', () => {
    expect(validateIdNumber(id('33010619750230001'))).toEqual({
      ok: false,
      message: '身份证号中的出生日期无效：1975-02-30',
    });
    expect(validateIdNumber(id('33010619751301001')).ok).toBe(false);
    expect(validateIdNumber(id('33010619750300001')).ok).toBe(false);
    expect(validateIdNumber(id('33010619010229001')).ok).toBe(false);
    expect(validateIdNumber(id('44052418800101001')).ok).toBe(false);
  });

  it('rejects a birth date after today only when today is given', () => {
    const future = id('33010620990101001');
    expect(validateIdNumber(future).ok).toBe(true);
    expect(validateIdNumber(future, { today: '2025-06-01' })).toEqual({
      ok: false,
      message: '身份证号中的出生日期晚于今天：2099-01-01',
    });
  });

  it('rejects region codes that cannot start an ID number', () => {
    expect(validateIdNumber(id('03010619750301001'))).toEqual({ ok: false, message: '身份证号前6位不是有效的地区代码' });
    expect(validateIdNumber(id('93010619750301001')).ok).toBe(false);
  });

  it('explains wrong lengths, old 15-digit numbers and stray characters', () => {
    expect(validateIdNumber('')).toEqual({ ok: false, message: '身份证号为空' });
    expect(validateIdNumber(null)).toEqual({ ok: false, message: '身份证号为空' });
    expect(validateIdNumber('110105491231002')).toEqual({ ok: false, message: '15位旧身份证号已停用，请填写18位身份证号' });
    expect(validateIdNumber('1101051949123100')).toEqual({ ok: false, message: '身份证号应为18位，现为16位' });
    expect(validateIdNumber('11010519491231X02X')).toEqual({ ok: false, message: '身份证号只能由数字和末位的X组成' });
  });

  it('refuses a number that Excel already rounded', () => {
    const result = validateIdNumber(110105194912310020);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('文本');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first six and the last four characters', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks short values entirely rather than reveal most of them', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the area code and the last four digits of a landline', () => {
    expect(maskPhone('0571-88886666')).toBe('0571-****6666');
    expect(maskPhone('010-6512345')).toBe('010-***2345');
    expect(maskPhone('0571-88886666-123')).toBe('0571-****6666');
  });

  it('masks very short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('')).toBe('');
  });
});

describe('validatePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['19912345678', '19912345678'],
    ['16612345678', '16612345678'],
  ])('reads the mobile %s', (raw, value) => {
    expect(validatePhone(raw)).toEqual({ ok: true, value, kind: 'mobile' });
  });

  it('accepts a mobile that Excel stored as a number', () => {
    expect(validatePhone(13812345678)).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });
  });

  it.each([
    ['0571-88886666', '0571-88886666'],
    ['057188886666', '0571-88886666'],
    ['(0571)88886666', '0571-88886666'],
    ['（0571）8888 6666', '0571-88886666'],
    ['0571 8888 6666', '0571-88886666'],
    ['010-82345678', '010-82345678'],
    ['01062345678', '010-62345678'],
    ['021-6234567', '021-6234567'],
    ['0991-4567890', '0991-4567890'],
    ['+86 571 8888 6666', '0571-88886666'],
    ['0571-88886666转123', '0571-88886666-123'],
    ['0571-88886666 ext. 8', '0571-88886666-8'],
    ['0571-88886666-123', '0571-88886666-123'],
    ['0571-8888-6666', '0571-88886666'],
  ])('reads the landline %s', (raw, value) => {
    expect(validatePhone(raw)).toEqual({ ok: true, value, kind: 'landline' });
  });

  it('rejects mobiles with a prefix no carrier uses', () => {
    expect(validatePhone('12812345678')).toEqual({ ok: false, message: '手机号码不存在：12812345678' });
    expect(validatePhone('10012345678').ok).toBe(false);
  });

  it('asks for the area code when only a local number is given', () => {
    expect(validatePhone('88886666')).toEqual({
      ok: false,
      message: '固定电话请带区号，如 0571-88886666：88886666',
    });
  });

  it.each(['', '1381234567', '138123456789', '0571-0888666', 'abc', '0571-888', '13812345678转12', '010-12345678'])(
    'rejects %j',
    (raw) => {
      expect(validatePhone(raw).ok).toBe(false);
    },
  );

  it('says what it could not read', () => {
    expect(validatePhone('')).toEqual({ ok: false, message: '电话号码为空' });
    expect(validatePhone('见备注')).toEqual({ ok: false, message: '电话号码格式无法识别：见备注' });
  });
});
