import { describe, expect, it } from 'vitest';
import { agendaLine, syncLine } from './state.js';

describe('hall screen status lines', () => {
  it('says the meeting closed instead of its last agenda item', () => {
    expect(agendaLine({ meetingStatus: 'closed', agendaTitle: '开幕大会' })).toEqual({ label: '会议状态', text: '大会已闭幕' });
    expect(syncLine('closed', 'open').text).toBe('大会已闭幕，感谢各位代表');
    expect(syncLine('closed', 'open').live).toBe(false);
  });

  it('shows the current agenda item and the live stream while the meeting runs', () => {
    expect(agendaLine({ meetingStatus: 'inProgress', agendaTitle: '开幕大会' })).toEqual({ label: '当前议程', text: '开幕大会' });
    expect(agendaLine({ meetingStatus: 'inProgress', agendaTitle: null }).text).toBe('大会进行中');
    expect(agendaLine({ meetingStatus: 'scheduled', agendaTitle: null }).text).toBe('大会尚未开幕');
    expect(syncLine('inProgress', 'open')).toEqual({ live: true, text: '实时同步中' });
    expect(syncLine('inProgress', 'connecting')).toEqual({ live: false, text: '正在重新连接……' });
  });
});
