import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { OrganisationListItem } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { date } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';
import { placeOf } from './OrganisationTable.tsx';

type Props = { items: OrganisationListItem[]; communeName(code: string | null): string | null };

/** The registry as cards, on a phone: one organisation per card, the whole card opens it. */
export function OrganisationCards({ items, communeName }: Props) {
  const t = useT();
  const labels = useLabels();
  return (
    <Flex vertical gap={8}>
      {items.map((item) => (
        <Link key={item.id} to={`/registry/${item.id}`} data-testid="organisation-card" style={{ color: 'inherit' }}>
          <Card size="small" hoverable>
            <Typography.Text strong style={{ display: 'block', color: '#0b7a3e' }}>{item.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {[item.registrationNumber, labels.kind(item.kind), labels.sector(item.sectorCode)].filter(Boolean).join(' · ')}
            </Typography.Text>
            <Flex wrap gap={8} align="center" style={{ marginTop: 6 }}>
              <StatusTag status={item.status} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{placeOf(item, communeName)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('registry.foundedOn')}: {date(item.foundedOn)}
              </Typography.Text>
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
