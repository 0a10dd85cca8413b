import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Result, Space, Spin, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, download, qs } from '../../shared/api.js';
import type { ImportPreview, ImportResult } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys } from './queries.js';
import { PreviewTable, PreviewSummary, SkippedRows, type PreviewView } from './ImportPreview.js';

const PAGE_SIZE = 100;

const form = (file: File) => {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return fd;
};

/** The preview the server sends back when it refuses an import (nothing was written). */
const previewOf = (e: unknown): ImportPreview | null => {
  const d = e instanceof ApiError ? (e.details as ImportPreview | undefined) : undefined;
  return d && Array.isArray(d.rows) && d.summary ? d : null;
};

export function ImportPage() {
  const { tid, canManage } = useTownship();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  // The server checks the whole file and sends one page of rows; another page or filter sends
  // the file again.
  const check = useMutation({
    mutationFn: ({ f, view }: { f: File; view: PreviewView }) =>
      api.post<ImportPreview>(`${base(tid)}/roster/import/preview${qs({ ...view, pageSize: PAGE_SIZE })}`, form(f)),
    onSuccess: setPreview,
    onError: () => setPreview(null),
  });
  const show = (view: PreviewView) => file && check.mutate({ f: file, view });
  const commit = useMutation({
    mutationFn: (f: File) => api.post<ImportResult>(`${base(tid)}/roster/import`, form(f)),
    onSuccess: async (r) => {
      setResult(r);
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
    },
    onError: (e) => {
      const p = previewOf(e);
      if (p) setPreview(p);
    },
  });

  const choose = (f: File) => {
    setFile(f);
    setResult(null);
    commit.reset();
    setPreview(null);
    check.mutate({ f, view: { page: 1, show: 'all' } });
    return false;
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    check.reset();
    commit.reset();
  };

  if (!canManage) return <Alert type="warning" showIcon title="只有乡镇党委组织委员可以导入名册" />;

  const blocked = !preview || preview.summary.withProblems > 0 || preview.summary.valid === 0;
  const error = check.error ?? commit.error;

  return (
    <>
      <PageHeader
        title="导入名册"
        sub={<Link to={`/t/${tid}/roster`}>← 返回代表名册</Link>}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`${base(tid)}/roster/template.xlsx`, '代表名册模板.xlsx').catch((e: Error) => message.error(e.message))}
          >
            下载模板
          </Button>
        }
      />
      {result ? (
        <Card>
          <Result
            status="success"
            title={`已导入 ${result.imported} 名代表`}
            subTitle={`新增 ${result.created} 名，更新 ${result.updated} 名${result.unchanged ? `，${result.unchanged} 名无变化` : ''}`}
            extra={[
              <Button type="primary" key="roster" onClick={() => navigate(`/t/${tid}/roster`)}>
                查看名册
              </Button>,
              <Button key="again" onClick={reset}>
                继续导入
              </Button>,
            ]}
          />
        </Card>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={choose}
              disabled={check.isPending || commit.isPending}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将名册文件（.xlsx）拖到此处</p>
              <p className="ant-upload-hint">
                表头可在前几行（标题行可保留），日期可写 1975.03、1975年3月 或 1975-03-01。上传后先检查，不会立即写入。
              </p>
            </Upload.Dragger>
            {file && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                当前文件：{file.name}
              </Typography.Text>
            )}
          </Card>
          {error && <Alert type="error" showIcon title={error.message} />}
          {check.isPending && !preview && (
            <Card>
              <Space>
                <Spin />
                正在检查名册……
              </Space>
            </Card>
          )}
          {preview && (
            <Card
              title={`检查结果：${preview.fileName}（工作表“${preview.sheetName}”，表头在第${preview.headerRow}行）`}
              extra={
                <Space>
                  <Button onClick={reset}>重新选择文件</Button>
                  <Button type="primary" disabled={blocked} loading={commit.isPending} onClick={() => file && commit.mutate(file)}>
                    确认导入
                  </Button>
                </Space>
              }
            >
              <PreviewSummary preview={preview} />
              <SkippedRows preview={preview} />
              <PreviewTable preview={preview} loading={check.isPending} onView={show} />
            </Card>
          )}
        </Space>
      )}
    </>
  );
}
