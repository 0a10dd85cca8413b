import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../../server/errors.js';
import { importRoster, previewRoster, type ImportPhase, type ProgressFn } from '../../server/modules/roster-import/service.js';
import type { RosterPreview } from '../../server/modules/roster-import/analyse.js';
import { exportRoster } from '../../server/modules/roster-import/export.js';
import { action, CliError, formatBytes } from '../common.js';
import { openCommandContext, operatorActor, townshipByCode } from '../context.js';

/** Files above this size get a progress bar. */
const LARGE_FILE_BYTES = 1024 * 1024;
const PHASES: Record<ImportPhase, string> = { read: '读取工作簿', check: '校验各行', write: '写入数据库' };

function progressBar(): { onProgress: ProgressFn; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {shown}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let current: ImportPhase | null = null;
  return {
    onProgress(phase, done, total) {
      const shown = phase === 'read' ? `${formatBytes(done)} / ${formatBytes(total)}` : `${done} / ${total} 行`;
      if (phase !== current) {
        if (current) bar.stop();
        current = phase;
        bar.start(Math.max(total, 1), done, { phase: PHASES[phase], shown });
      } else bar.update(done, { shown });
    },
    stop: () => current && bar.stop(),
  };
}

/** Problems in the form '第7行“出生年月”：…', then a count: nothing has been written. */
function printProblems(preview: RosterPreview) {
  for (const row of preview.rows) for (const p of row.problems) console.error(p.message);
  const s = preview.summary;
  const listed = preview.rows.filter((r) => r.problems.length > 0).length;
  if (listed < s.withProblems) console.error(`（以上为前 ${listed} 行有问题的行，可用 --dry-run 列出全部）`);
  console.error(`共 ${s.total} 行，其中 ${s.withProblems} 行有问题。未导入任何数据，请修改后重新导入。`);
}

function printNotes(preview: RosterPreview) {
  console.log(`工作表“${preview.sheetName}”，表头在第 ${preview.headerRow} 行。`);
  if (preview.ignoredColumns.length > 0) console.log(`以下列不导入：${preview.ignoredColumns.join('、')}`);
  for (const row of preview.rows) for (const w of row.warnings) console.log(`提示：${w}`);
}

async function runImport(file: string, o: { township: string; dryRun?: boolean }) {
  if (!fs.existsSync(file)) throw new CliError(`找不到文件：${file}`);
  const ctx = await openCommandContext();
  try {
    const t = await townshipByCode(ctx, o.township);
    const upload = { fileName: path.basename(file), data: path.resolve(file) };
    if (o.dryRun) {
      // The command line lists every row: paging is for the browser's response size.
      const preview = await previewRoster(ctx, t.id, upload, { page: 1, pageSize: Number.MAX_SAFE_INTEGER, show: 'all' });
      printNotes(preview);
      if (preview.summary.withProblems > 0) {
        printProblems(preview);
        process.exitCode = 1;
      } else console.log(`检查通过：共 ${preview.summary.total} 行，将新增 ${preview.summary.creates}、更新 ${preview.summary.updates}、不变 ${preview.summary.unchanged}（未写入）。`);
      return;
    }
    const bar = fs.statSync(file).size > LARGE_FILE_BYTES ? progressBar() : null;
    try {
      const r = await importRoster(ctx, { township: t, actor: operatorActor({ countyId: t.countyId, townshipId: t.id }) }, upload, bar?.onProgress);
      bar?.stop();
      console.log(`导入完成（${t.name}）：共 ${r.imported} 行，新增 ${r.created}，更新 ${r.updated}，不变 ${r.unchanged}。`);
    } catch (e) {
      bar?.stop();
      if (e instanceof AppError && e.code === 'VALIDATION' && (e.details as RosterPreview | undefined)?.rows) {
        printProblems(e.details as RosterPreview);
        process.exitCode = 1;
        return;
      }
      throw e;
    }
  } finally {
    await ctx.database.close();
  }
}

async function runExport(o: { township: string; out: string; status?: 'active' | 'suspended' | 'terminated'; full?: boolean }) {
  if (o.status && !['active', 'suspended', 'terminated'].includes(o.status)) {
    throw new CliError('--status 应为 active（正常）、suspended（停止执行职务）或 terminated（资格终止）');
  }
  const ctx = await openCommandContext();
  try {
    const t = await townshipByCode(ctx, o.township);
    const file = await exportRoster(ctx, { township: t, actor: operatorActor({ countyId: t.countyId, townshipId: t.id }), unmasked: !!o.full }, { status: o.status });
    fs.writeFileSync(o.out, file.data);
    console.log(`已导出 ${t.name} 代表名册到 ${o.out}（${formatBytes(file.data.length)}${o.full ? '，含完整手机号与身份证号' : '，手机号与身份证号已遮蔽'}）。`);
  } finally {
    await ctx.database.close();
  }
}

/** `import` and `export` are shared by every module that moves data in or out. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function register(program: Command) {
  group(program, 'import', '导入数据')
    .command('roster <file>')
    .description('导入代表名册（.xlsx）到乡镇当前届次：任何一行有问题时逐行列出问题并以非零状态退出，不导入任何数据')
    .requiredOption('--township <code>', '乡镇代码，例如 A01')
    .option('--dry-run', '只检查并列出问题，不写入')
    .action(action((file: string, o: { township: string; dryRun?: boolean }) => runImport(file, o)));
  group(program, 'export', '导出数据')
    .command('roster')
    .description('导出乡镇当前届次的代表名册（.xlsx，与导入格式相同，按姓氏笔画排序）')
    .requiredOption('--township <code>', '乡镇代码，例如 A01')
    .requiredOption('--out <file>', '输出文件，例如 名册.xlsx')
    .option('--status <status>', '只导出某一状态：active、suspended 或 terminated')
    .option('--full', '包含完整的手机号与身份证号（记入审计日志）；默认遮蔽')
    .action(action((o: { township: string; out: string; status?: 'active' | 'suspended' | 'terminated'; full?: boolean }) => runExport(o)));
}
