import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';
import { refreshStrokeSortKeys } from '../../src/server/modules/roster/sort-keys.js';

describe(`names of rare characters in the roster (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let url: string;
  const people = generateDelegateInputs(3, 977);

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    url = `/api/townships/${w.townships.a.id}/delegates`;
  });
  afterAll(() => w.close());

  const names = async () =>
    ((await admin.get(`${url}?pageSize=100&sort=strokes`)).body.items as { name: string }[]).map((d) => d.name);

  it('sorts 馼 among the seven-stroke surnames, also for a name stored before the stroke data knew it', async () => {
    for (const [p, name] of [
      [people[0]!, '馼晓'],
      [people[1]!, '李强'],
      [people[2]!, '周明'],
    ] as const) {
      expect((await admin.post(url, { ...p, name })).status).toBe(201);
    }
    expect(await names()).toEqual(['李强', '馼晓', '周明']);

    // A key written by an earlier version: 馼 unknown ('x' and its code point) sorted after everyone.
    await w.ctx.database.query(`update delegates set name_sort_key = 'x0099BC-0155665' where name = '馼晓'`);
    expect(await names()).toEqual(['李强', '周明', '馼晓']);

    expect(await refreshStrokeSortKeys(w.ctx.database)).toBe(1);
    expect(await names()).toEqual(['李强', '馼晓', '周明']);
    expect(await refreshStrokeSortKeys(w.ctx.database)).toBe(0);
  });
});
