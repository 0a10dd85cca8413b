import type { Command } from 'commander';
import { TermBody } from '../../domain/schemas/terms.js';
import { createTermAs, listTerms } from '../../server/modules/terms/index.js';
import { action, CliError } from '../common.js';
import { operatorActor, townshipByCode, withCommandContext } from '../context.js';

interface CreateOptions {
  township: string;
  number: string;
  starts: string;
  ends: string;
  current?: boolean;
}

function checkOptions(o: CreateOptions) {
  const parsed = TermBody.safeParse({ number: Number(o.number), startsOn: o.starts, endsOn: o.ends, isCurrent: !!o.current });
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const flag = { number: '--number', startsOn: '--starts', endsOn: '--ends' }[String(i.path[0])] ?? '';
    throw new CliError(`${flag ? `${flag}：` : ''}${i.message}`);
  }
  return parsed.data;
}

async function runCreate(o: CreateOptions) {
  const input = checkOptions(o);
  await withCommandContext(async (ctx) => {
    const t = await townshipByCode(ctx, o.township);
    const term = await createTermAs(ctx, { townshipId: t.id, actor: operatorActor({ countyId: t.countyId, townshipId: t.id }) }, input);
    console.log(`已新建${t.name}第${term.number}届（${term.startsOn} 至 ${term.endsOn}）${term.isCurrent ? '，为当前届次' : ''}。`);
  });
}

async function runList(o: { township: string }) {
  await withCommandContext(async (ctx) => {
    const t = await townshipByCode(ctx, o.township);
    const all = await listTerms(ctx.database.db, t.id);
    if (all.length === 0) {
      console.log(`${t.name}还没有届次。用 nianhui term create --township ${t.code} --number 12 --starts 2021-09-01 --ends 2026-08-31 新建。`);
      return;
    }
    console.log(`${t.name}的届次：`);
    for (const term of all) console.log(`  第${term.number}届  ${term.startsOn} 至 ${term.endsOn}${term.isCurrent ? '  当前' : ''}`);
  });
}

export function register(program: Command) {
  const term = program.command('term').description('届次');
  term
    .command('create')
    .description('新建届次（与已有届次不得重叠；乡镇的第一个届次即为当前届次）')
    .requiredOption('--township <code>', '乡镇代码，例如 A01')
    .requiredOption('--number <n>', '第几届，例如 12')
    .requiredOption('--starts <date>', '任期开始日期，例如 2021-09-01')
    .requiredOption('--ends <date>', '任期结束日期，例如 2026-08-31')
    .option('--current', '设为当前届次')
    .action(action((o: CreateOptions) => runCreate(o)));
  term
    .command('list')
    .description('列出乡镇的届次')
    .requiredOption('--township <code>', '乡镇代码，例如 A01')
    .action(action((o: { township: string }) => runList(o)));
}
