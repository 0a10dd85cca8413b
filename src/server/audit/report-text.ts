import type { ChainReport } from './verify.js';

/** The verifier's findings as lines for the command line (the last line is the verdict). */
export function describeChainReport(r: ChainReport): string[] {
  const lines: string[] = [];
  if (r.checkpoint) lines.push(`检查点（${r.checkpoint.where}）：第 ${r.checkpoint.count} 条，记录 #${r.checkpoint.headId}，${r.checkpoint.at}`);
  if (r.ok) return [...lines, `OK：审计日志哈希链完整，已校验 ${r.checked} 条记录。`];
  for (const p of r.problems) {
    if (r.brokenAt && p.id === r.brokenAt.id && p.message === r.brokenAt.reason) continue;
    lines.push(`问题：${p.message}`);
  }
  if (r.brokenAt) lines.push(`审计日志哈希链断裂：第一处问题在记录 #${r.brokenAt.id}：${r.brokenAt.reason}（此前 ${r.checked} 条完好）。`);
  else lines.push(`审计日志校验未通过：表中 ${r.entries} 条记录的哈希链完好，但与检查点对不上（见上）。`);
  return lines;
}
