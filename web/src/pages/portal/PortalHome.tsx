import { Card, Typography } from 'antd';
import { useI18n } from '../../i18n.tsx';
import { MyUnitsCard } from '../property/MyUnitsCard.tsx';
import { PortalServiceCards } from './PortalServiceDesk.tsx';

/**
 * The owner portal home. Modules add their cards here (my units, report a repair,
 * complain, surveys, bills) as they land.
 */
export function PortalHome() {
  const { t } = useI18n();
  return (
    <>
      <Card>
        <Typography.Title level={5}>{t('portal.welcome')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
      </Card>
      <div style={{ marginTop: 12 }}>
        <MyUnitsCard />
      </div>
      <PortalServiceCards />
    </>
  );
}
