import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { accessOf } from '../../access.ts';
import { useLogin } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useSetupStatus } from '../../api/setup.ts';
import { useI18n } from '../../i18n.tsx';

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  // an empty database has nobody to sign in: the first start's setup comes first
  const setup = useSetupStatus();

  const onFinish = async (values: { username: string; password: string }) => {
    setError(null);
    try {
      const res = await login.mutateAsync(values);
      navigate(accessOf({ role: res.role }).homePath, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(135deg,#e6f4ff,#f5f7fa)',
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.subtitle')}
        </Typography.Paragraph>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
        <Button type="link" size="small" onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}>
          {t('common.language')}
        </Button>
      </Card>
    </div>
  );
}
