import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useLogin } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useSetup, useSetupStatus } from '../../api/setup.ts';
import { showError } from '../../components/errors.ts';
import { useI18n } from '../../i18n.tsx';

interface Values {
  companyName: string;
  projectName: string;
  projectCode: string;
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  confirmPassword: string;
}

/**
 * 首次启动 The first start on an empty database: the company's name, its first project and the first
 * administrator, in one form; then signed in and on to the checklist. Closed once an administrator exists.
 */
export function SetupPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const login = useLogin();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  if (status.isLoading) return <Spin fullscreen />;
  if (status.data && !status.data.needed) return <Navigate to="/login" replace />;

  const onFinish = async ({ confirmPassword: _, ...values }: Values) => {
    setError(null);
    try {
      const done = await setup.mutateAsync(values);
      await login.mutateAsync({ username: done.username, password: values.adminPassword });
      navigate('/setup/checklist', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) showError(e, form);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const required = (label: string) => [
    { required: true, whitespace: true, message: t('setup.required', { label }) },
  ];
  return (
    <div className="setup-page">
      <Card style={{ width: 520, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Typography.Title level={5}>{t('setup.company')}</Typography.Title>
          <Form.Item
            name="companyName"
            label={t('setup.companyName')}
            rules={required(t('setup.companyName'))}
          >
            <Input maxLength={100} placeholder={t('setup.companyPlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item
            name="projectName"
            label={t('setup.projectName')}
            rules={required(t('setup.projectName'))}
          >
            <Input maxLength={100} placeholder={t('setup.projectPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="projectCode"
            label={t('setup.projectCode')}
            extra={t('setup.projectCodeHelp')}
            rules={[
              ...required(t('setup.projectCode')),
              { pattern: /^[A-Za-z0-9_-]+$/, message: t('setup.codePattern') },
            ]}
          >
            <Input maxLength={32} placeholder="JXHY" />
          </Form.Item>
          <Typography.Title level={5}>{t('setup.admin')}</Typography.Title>
          <Form.Item
            name="adminUsername"
            label={t('setup.adminUsername')}
            rules={[
              ...required(t('setup.adminUsername')),
              { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('setup.usernamePattern') },
            ]}
          >
            <Input maxLength={32} autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="adminDisplayName"
            label={t('setup.adminDisplayName')}
            rules={required(t('setup.adminDisplayName'))}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="adminPassword"
            label={t('setup.adminPassword')}
            extra={t('setup.passwordHelp')}
            rules={[
              ...required(t('setup.adminPassword')),
              { min: 10, message: t('setup.passwordRule') },
              { pattern: /(?=.*[A-Za-z])(?=.*[0-9])/, message: t('setup.passwordRule') },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('setup.confirmPassword')}
            dependencies={['adminPassword']}
            rules={[
              ...required(t('setup.confirmPassword')),
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('adminPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('setup.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={setup.isPending || login.isPending}>
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
