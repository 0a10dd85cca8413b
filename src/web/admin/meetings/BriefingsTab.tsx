import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Popconfirm, Typography, Upload } from 'antd';
import { DownloadOutlined, EditOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { checkActivity } from '../../../domain/meeting/state.js';
import { BriefingBody } from '../../../domain/schemas/meetings.js';
import { api, download } from '../../shared/api.js';
import type { TabProps } from './types.js';
import { mBase, meetingKeys, tBase, useMeetingPart } from './queries.js';

interface Briefing {
  id: string;
  title: string;
  body: string;
  file: { name: string; type: string | null; size: number | null } | null;
  commentCount: number;
  createdAt: string;
}

function Comments({ tid, mid, id }: { tid: string; mid: string; id: string }) {
  const q = useQuery({
    queryKey: meetingKeys.part(tid, mid, 'briefing-comments', id),
    queryFn: () => api.get<{ items: { id: string; body: string; createdAt: string; delegate: { name: string } | null }[] }>(`${tBase(tid)}/briefings/${id}/comments`),
  });
  return (
    <List
      size="small"
      loading={q.isPending}
      dataSource={q.data?.items}
      locale={{ emptyText: '暂无代表意见' }}
      renderItem={(c) => (
        <List.Item>
          <div>
            <Typography.Text strong>{c.delegate?.name ?? '代表'}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {new Date(c.createdAt).toLocaleString('zh-CN')}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
          </div>
        </List.Item>
      )}
    />
  );
}

/** 会前材料: briefings for delegates to read before the meeting, with the opinions they sent back. */
export function BriefingsTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<{ items: Briefing[] }>(tid, m.id, 'briefings', '/briefings');
  const [editing, setEditing] = useState<Briefing | 'new' | null>(null);
  const [showComments, setShowComments] = useState<string | null>(null);
  const [form] = Form.useForm<{ title: string; body: string }>();
  const editable = canManage && !checkActivity(m.status, 'editBriefings');
  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });

  const save = useMutation({
    mutationFn: (body: unknown) => (editing === 'new' ? api.post(`${mBase(tid, m.id)}/briefings`, body) : api.put(`${tBase(tid)}/briefings/${(editing as Briefing).id}`, body)),
    onSuccess: async () => {
      await refresh();
      message.success('会前材料已保存');
      setEditing(null);
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`${tBase(tid)}/briefings/${id}`),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });
  const upload = async (id: string, file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      await api.put(`${tBase(tid)}/briefings/${id}/file`, fd);
      message.success('附件已上传');
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const open = (b: Briefing | 'new') => {
    setEditing(b);
    form.setFieldsValue(b === 'new' ? { title: '', body: '' } : { title: b.title, body: b.body });
  };
  const submit = async () => {
    const parsed = BriefingBody.safeParse(await form.validateFields());
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    save.mutate(parsed.data);
  };

  return (
    <>
      <Card
        title="情况通报与会前材料"
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              发布材料
            </Button>
          )
        }
      >
        {q.data?.items.length === 0 && <Empty description="尚未发布会前材料。发布后代表可在手机上阅读并提出意见。" />}
        <List
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          itemLayout="vertical"
          renderItem={(b) => (
            <List.Item
              key={b.id}
              actions={[
                <a key="c" onClick={() => setShowComments(showComments === b.id ? null : b.id)}>
                  代表意见（{b.commentCount}）
                </a>,
                ...(b.file
                  ? [
                      <a key="d" onClick={() => download(`${tBase(tid)}/briefings/${b.id}/file`, b.file!.name).catch((e: Error) => message.error(e.message))}>
                        <DownloadOutlined /> {b.file.name}
                      </a>,
                    ]
                  : []),
                ...(editable
                  ? [
                      <a key="e" onClick={() => open(b)}>
                        <EditOutlined /> 修改
                      </a>,
                      <Upload key="u" accept=".pdf,.docx" showUploadList={false} beforeUpload={(f) => (void upload(b.id, f), false)}>
                        <a>
                          {b.file ? <PaperClipOutlined /> : <UploadOutlined />} {b.file ? '更换附件' : '上传附件'}
                        </a>
                      </Upload>,
                      <Popconfirm key="x" title="删除此材料？" onConfirm={() => remove.mutate(b.id)}>
                        <a style={{ color: '#ff4d4f' }}>删除</a>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta title={b.title} description={`发布于 ${new Date(b.createdAt).toLocaleString('zh-CN')}`} />
              {b.body && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap' }}>{b.body}</Typography.Paragraph>}
              {showComments === b.id && <Comments tid={tid} mid={m.id} id={b.id} />}
            </List.Item>
          )}
        />
      </Card>
      <Modal open={!!editing} title={editing === 'new' ? '发布会前材料' : '修改会前材料'} width={720} onOk={submit} onCancel={() => setEditing(null)} confirmLoading={save.isPending} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={100} placeholder="如：关于党委一年来工作情况的通报" />
          </Form.Item>
          <Form.Item name="body" label="正文" extra="也可保存后上传 PDF 或 Word 附件（不超过 10 MB）">
            <Input.TextArea rows={12} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
