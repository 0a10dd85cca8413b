import { describe, expect, it } from 'vitest';
import { AGENDA_ITEM_TYPES, AGENDA_TEMPLATE_IDS, buildAgendaTemplate } from './agenda-templates.js';

describe('agenda templates', () => {
  it('the standard template follows the township plan in order', () => {
    const items = buildAgendaTemplate('standard', { hasElection: false });
    const titles = items.map((i) => i.title);
    const at = (s: string) => titles.findIndex((t) => t.includes(s));
    expect(at('预备会议')).toBe(0);
    expect(at('党委工作报告')).toBeLessThan(at('纪委工作报告'));
    expect(at('纪委工作报告')).toBeLessThan(at('分团讨论'));
    expect(at('民主评议')).toBeLessThan(at('分团讨论'));
    expect(at('重点提案')).toBeLessThan(at('分团讨论'));
    expect(at('分团讨论')).toBeLessThan(at('起草大会决议'));
    expect(at('起草大会决议')).toBeLessThan(at('表决通过大会决议'));
    expect(at('表彰')).toBe(titles.length - 1);
    expect(items.find((i) => i.title.includes('分团讨论'))).toMatchObject({ type: 'dutyReports', plenary: false, groupSession: true });
    expect(items.some((i) => i.type === 'election')).toBe(false);
  });

  it.each(AGENDA_TEMPLATE_IDS)('%s adds an election before the resolution vote when the meeting holds one', (id) => {
    const items = buildAgendaTemplate(id, { hasElection: true });
    const e = items.findIndex((i) => i.type === 'election');
    expect(e).toBeGreaterThan(0);
    expect(e).toBeLessThan(items.findIndex((i) => i.type === 'resolutionVote'));
    for (const i of items) expect(Object.keys(AGENDA_ITEM_TYPES)).toContain(i.type);
  });

  it('the eight-tasks template covers review, discussion, evaluation, proposals, duty reports, votes and commendation', () => {
    const types = new Set(buildAgendaTemplate('eightTasks', { hasElection: true }).map((i) => i.type));
    for (const t of ['review', 'discussion', 'evaluation', 'dutyReports', 'election', 'resolutionVote', 'commendation'] as const) expect(types.has(t)).toBe(true);
  });
});
