import { describe, expect, it } from 'vitest';
import { topologicalOrder } from './catalog.js';

describe('restore order of tables', () => {
  it('puts every parent before its children, alphabetically among equals', () => {
    const edges = [
      { child: 'users', parent: 'townships' },
      { child: 'townships', parent: 'counties' },
      { child: 'users', parent: 'counties' },
      { child: 'delegates', parent: 'delegates' },
      { child: 'delegates', parent: 'townships' },
    ];
    expect(topologicalOrder(['users', 'delegates', 'audit_log', 'townships', 'counties'], edges)).toEqual(['audit_log', 'counties', 'townships', 'delegates', 'users']);
  });

  it('refuses a cycle of foreign keys in Chinese, naming the tables', () => {
    const edges = [
      { child: 'a', parent: 'b' },
      { child: 'b', parent: 'a' },
    ];
    expect(() => topologicalOrder(['a', 'b', 'c'], edges)).toThrow('数据表之间的外键构成循环，无法确定备份与恢复的顺序：a、b');
  });
});
