import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Form, Input, Layout, Menu, Modal, message, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { accessOf } from '../access.ts';
import { type Me, useChangePassword, useLogout, useSetLocale } from '../api/auth.ts';
import { showError } from '../components/errors.ts';
import { useI18n } from '../i18n.tsx';
import { ReminderBell } from '../pages/servicedesk/RemindersPage.tsx';
import { appRoutes, canOpen, menuGroups } from '../routes.tsx';

function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const changePassword = useChangePassword();
  return (
    <Modal
      title={t('common.changePassword')}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        try {
          await changePassword.mutateAsync(values);
          message.success(t('common.passwordChanged'));
          onClose();
        } catch (e) {
          showError(e, form);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('common.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('common.newPassword')} rules={[{ required: true, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AppLayout({ me }: { me: Me }) {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const setServerLocale = useSetLocale();
  const [pwOpen, setPwOpen] = useState(false);

  const items = useMemo<ItemType[]>(() => {
    const access = accessOf(me);
    const visible = appRoutes.filter((r) => r.menu && canOpen(r, access));
    const top: ItemType[] = visible
      .filter((r) => !r.menu?.group)
      .map((r) => ({ key: r.path, icon: r.menu?.icon, label: t(r.menu!.labelKey) }));
    for (const g of menuGroups) {
      const children = visible
        .filter((r) => r.menu?.group === g.key)
        .map((r) => ({ key: r.path, icon: r.menu?.icon, label: t(r.menu!.labelKey) }));
      if (children.length) top.push({ key: `group:${g.key}`, icon: g.icon, label: t(g.labelKey), children });
    }
    return top;
  }, [me, t]);

  const selected = appRoutes
    .filter(
      (r) =>
        r.menu &&
        (location.pathname === r.path || (r.path !== '/' && location.pathname.startsWith(`${r.path}/`))),
    )
    .map((r) => r.path);

  const switchLocale = async () => {
    const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
    setLocale(next);
    await setServerLocale.mutateAsync(next).catch(() => undefined);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={220}
        theme="light"
        className="no-print"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            padding: '0 20px',
            fontWeight: 600,
            fontSize: 16,
          }}
        >
          {t('common.appName')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected}
          defaultOpenKeys={menuGroups.map((g) => `group:${g.key}`)}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{
            background: '#fff',
            padding: '0 20px',
            borderBottom: '1px solid #f0f0f0',
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex justify="flex-end" align="center" gap={12} style={{ height: '100%' }}>
            <ReminderBell />
            <Button type="text" icon={<GlobalOutlined />} onClick={switchLocale}>
              {t('common.language')}
            </Button>
            <UserMenu me={me} onChangePassword={() => setPwOpen(true)} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 20 }}>
          <div style={{ background: '#fff', padding: 20, borderRadius: 8, minHeight: 360 }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}

/** Who is signed in, with 修改密码 and 退出登录. */
function UserMenu({ me, onChangePassword }: { me: Me; onChangePassword(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Dropdown
      menu={{
        items: [
          {
            key: 'pw',
            icon: <KeyOutlined />,
            label: t('common.changePassword'),
            onClick: onChangePassword,
          },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: t('common.logout'),
            onClick: async () => {
              await logout.mutateAsync();
              navigate('/login');
            },
          },
        ],
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        <Typography.Text>
          {me.displayName}（{t(`common.roles.${me.role}`)}）
        </Typography.Text>
      </Flex>
    </Dropdown>
  );
}
