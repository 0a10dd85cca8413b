import { describe, expect, it } from 'vitest';
import { keepsPhoneSignedIn, lastMeetingDay, phoneState } from './phone-binding.js';

describe('the delegate phone bound at the hall desk', () => {
  const at = new Date('2026-12-03T01:00:00Z');
  it('says bound only to the phone whose code was scanned', () => {
    expect(phoneState({ checkedInAt: null, deviceKey: null, deviceReleased: null }, 'k1')).toBe('notCheckedIn');
    expect(phoneState({ checkedInAt: at, deviceKey: 'k1', deviceReleased: null }, 'k1')).toBe('bound');
    expect(phoneState({ checkedInAt: at, deviceKey: 'k1', deviceReleased: null }, 'k2')).toBe('otherPhone');
    expect(phoneState({ checkedInAt: at, deviceKey: null, deviceReleased: null }, 'k1')).toBe('unconfirmed');
    expect(phoneState({ checkedInAt: at, deviceKey: null, deviceReleased: 'passwordReset' }, 'k1')).toBe('released');
  });

  it('counts the meeting days from the start, half days as whole ones', () => {
    expect(lastMeetingDay('2026-12-31', 0.5)).toBe('2026-12-31');
    expect(lastMeetingDay('2026-12-31', 1)).toBe('2026-12-31');
    expect(lastMeetingDay('2026-12-31', 1.5)).toBe('2027-01-01');
    expect(lastMeetingDay('2027-02-27', 3)).toBe('2027-03-01');
  });

  it('keeps the phone signed in on the meeting days of a meeting not closed, and not after', () => {
    const m = { status: 'inProgress', startsOn: '2026-12-03', durationDays: 1.5 };
    expect(keepsPhoneSignedIn(m, '2026-12-02')).toBe(false);
    expect(keepsPhoneSignedIn(m, '2026-12-03')).toBe(true);
    expect(keepsPhoneSignedIn(m, '2026-12-04')).toBe(true);
    expect(keepsPhoneSignedIn(m, '2026-12-05')).toBe(false);
    expect(keepsPhoneSignedIn({ ...m, status: 'notified' }, '2026-12-03')).toBe(true);
    expect(keepsPhoneSignedIn({ ...m, status: 'closed' }, '2026-12-03')).toBe(false);
    expect(keepsPhoneSignedIn({ ...m, status: 'draft' }, '2026-12-03')).toBe(false);
  });
});
