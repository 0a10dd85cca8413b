/**
 * What a delegate's dates cannot be: a party-join date after today, before birth, or before
 * the age of 18 (the Party Constitution's minimum age for joining). Dates are the roster's
 * partial dates, 'YYYY-MM' or 'YYYY-MM-DD'; a month is compared as a month.
 */

export interface LifeDateProblem {
  field: 'birthDate' | 'partyJoinDate';
  message: string;
}

export const MIN_JOIN_AGE = 18;

const month = (d: string) => d.slice(0, 7);
const shown = (d: string) => (d.length === 7 ? `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月` : `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`);

/** The earlier of two partial dates compared at the precision both have. */
function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

function plusYears(d: string, years: number): string {
  return String(Number(d.slice(0, 4)) + years).padStart(4, '0') + d.slice(4);
}

/** `today` as 'YYYY-MM-DD' (the caller's clock, so the rule stays pure). */
export function lifeDateProblems(birthDate: string | null | undefined, partyJoinDate: string | null | undefined, today: string): LifeDateProblem[] {
  const problems: LifeDateProblem[] = [];
  if (birthDate && before(today, birthDate)) problems.push({ field: 'birthDate', message: `出生年月（${shown(birthDate)}）晚于今天` });
  if (!partyJoinDate) return problems;
  if (before(today, partyJoinDate)) {
    problems.push({ field: 'partyJoinDate', message: `入党时间（${shown(partyJoinDate)}）晚于今天` });
    return problems;
  }
  if (!birthDate) return problems;
  if (before(partyJoinDate, birthDate) || month(partyJoinDate) === month(birthDate)) {
    problems.push({ field: 'partyJoinDate', message: `入党时间（${shown(partyJoinDate)}）不晚于出生年月（${shown(birthDate)}）` });
  } else if (before(partyJoinDate, plusYears(birthDate, MIN_JOIN_AGE))) {
    problems.push({ field: 'partyJoinDate', message: `入党时间（${shown(partyJoinDate)}）时未满${MIN_JOIN_AGE}周岁（出生年月 ${shown(birthDate)}）` });
  }
  return problems;
}

/**
 * A roster that gives only the birth month, with an ID number whose date falls in that
 * month: the ID number's day is the more exact reading. Anything else is left as it is (a
 * mismatch is reported by the ID-number check).
 */
export function refineBirthDate(birthDate: string | null | undefined, idBirthDate: string | null | undefined): string | null {
  if (!birthDate) return null;
  if (birthDate.length === 7 && idBirthDate && month(idBirthDate) === birthDate) return idBirthDate;
  return birthDate;
}
