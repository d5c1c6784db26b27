import { Button, Result, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useAccess } from '../../access.ts';
import { useI18n } from '../../i18n.tsx';

/** The way out of a page that cannot be shown: back where the user came from, or home. */
function WayBack() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { homePath } = useAccess();
  return (
    <Space>
      {window.history.length > 1 ? <Button onClick={() => navigate(-1)}>{t('common.back')}</Button> : null}
      <Button type="primary" onClick={() => navigate(homePath)}>
        {t('common.backHome')}
      </Button>
    </Space>
  );
}

/** 404: no page at this address. */
export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<WayBack />} />;
}

/**
 * 403 无权访问: the page exists but the user's role may not open it, or the server answered 403.
 * `message` is the server's own explanation when there is one.
 */
export function ForbiddenPage({ message }: { message?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={message ?? t('common.forbiddenHint')}
      extra={<WayBack />}
      data-testid="forbidden"
    />
  );
}
