import fs from 'node:fs';
import type { Command } from 'commander';
import { readTallyFile } from '../../domain/election/tally-file.js';
import { tallyRound } from '../../domain/election/outcome.js';
import { action, CliError } from '../common.js';

/** Exit code of a file the rules cannot read; any outcome of the election itself exits 0. */
export const EXIT_MALFORMED = 2;

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT_MALFORMED);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`文件 ${file} 不是合法的 JSON：${(e as Error).message}`, EXIT_MALFORMED);
  }
}

async function runTally(file: string) {
  const read = readTallyFile(readJson(file));
  if (!read.ok) throw new CliError(`文件 ${file} 格式有误：\n${read.problems.map((p) => `  ${p}`).join('\n')}`, EXIT_MALFORMED);
  const outcome = tallyRound(read.input, read.settings);
  const { canOpen, quorum, valid, elected, tie, unfilledSeats, next, reason, ...figures } = outcome;
  // The verdicts first, then the figures behind them.
  console.log(JSON.stringify({ canOpen, quorum, valid, elected, tie, unfilledSeats, next, reason, ...figures, settings: read.settings }, null, 2));
}

export function register(program: Command) {
  const election = program.command('election').description('选举');
  election
    .command('tally')
    .description('按选举规则计票：差额、法定人数、选举是否有效、每张选票是否有效、当选人（按姓氏笔画）、并列与下一步；输出一个 JSON 对象')
    .argument('<file>', 'JSON 文件：seats、candidates、due、present、issued?、returned?、invalidBallots?、yes? 或 ballots?、settings?')
    .action(action((file: string) => runTally(file)));
}
