import { Alert } from 'antd';
import type { AuditVerifyResult } from '../../shared/types.js';

/** What the chain check found: complete and matching its checkpoint, or each problem in Chinese. */
export function ChainVerdict({ report }: { report: AuditVerifyResult }) {
  const cp = report.checkpoint;
  if (report.ok) {
    const anchor = cp ? `，与检查点（第 ${cp.count} 条，${new Date(cp.at).toLocaleString('zh-CN')}）相符` : '';
    return <Alert type="success" showIcon closable style={{ marginBottom: 16 }} title={`审计链完整：已校验 ${report.checked} 条记录${anchor}，未发现篡改、删除或缺失。`} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={`审计链校验失败：表中 ${report.entries} 条记录，前 ${report.checked} 条完好`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {report.problems.map((p, i) => (
            <li key={i}>{p.id !== undefined && report.brokenAt?.id === p.id ? `记录 ${p.id}：${p.message}` : p.message}</li>
          ))}
        </ul>
      }
    />
  );
}
