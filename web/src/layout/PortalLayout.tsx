import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Outlet, useNavigate } from 'react-router';
import { type Me, useLogout } from '../api/auth.ts';
import { useI18n } from '../i18n.tsx';

/** The owner portal: one column, phone-sized, large touch targets. */
export function PortalLayout({ me }: { me: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', minHeight: '100vh', background: '#f5f7fa' }}>
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '12px 16px', background: '#1677ff', color: '#fff' }}
      >
        <Typography.Text
          style={{ color: '#fff', fontSize: 16, fontWeight: 600 }}
          onClick={() => navigate('/portal')}
        >
          {t('portal.title')}
        </Typography.Text>
        <Flex align="center" gap={8}>
          <span data-testid="portal-user">{me.displayName}</span>
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            aria-label={t('common.logout')}
            onClick={async () => {
              await logout.mutateAsync();
              navigate('/login');
            }}
          />
        </Flex>
      </Flex>
      <div style={{ padding: 12 }}>
        <Outlet />
      </div>
    </div>
  );
}
