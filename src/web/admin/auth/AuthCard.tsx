import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** The centred frame of the login and password pages. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #fff5f5 0%, #f5f5f5 60%)',
        padding: 16,
      }}
    >
      <div style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#c8161d', marginBottom: 24 }}>
          年会 · 乡镇党代会年会制工作平台
        </Typography.Title>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
