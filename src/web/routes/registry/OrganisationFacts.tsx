import { Descriptions, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { Organisation } from '../../api/types.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { count, date, money } from '../../format.ts';
import { useLabels, useT } from '../../i18n/index.tsx';

type Props = { organisation: Organisation; communeName(code: string | null): string | null; narrow: boolean };

/** Every field of an organisation's record, grouped as the registry's paper form groups them. */
export function OrganisationFacts({ organisation: o, communeName, narrow }: Props) {
  const t = useT();
  const labels = useLabels();
  const item = (field: string, value: ReactNode): NonNullable<DescriptionsProps['items']>[number] => ({
    key: field,
    label: labels.field(field),
    children: <span data-testid={`field-${field}`}>{value === null || value === undefined || value === '' ? t('common.none') : value}</span>,
  });
  const sections: { title: string; items: DescriptionsProps['items'] }[] = [
    {
      title: t('detail.section.general'),
      items: [
        item('name', o.name),
        item('shortName', o.shortName),
        item('foreignName', o.foreignName),
        item('registrationNumber', o.registrationNumber),
        item('kind', labels.kind(o.kind)),
        item('status', <StatusTag status={o.status} />),
        item('statusSince', date(o.statusSince)),
        item('foundedOn', date(o.foundedOn)),
        item('dissolvedOn', o.dissolvedOn ? date(o.dissolvedOn) : null),
        item('sectorCode', labels.sector(o.sectorCode)),
        item('sectorGroup', o.sectorGroup ? labels.sectorGroup(o.sectorGroup) : null),
        item('vsicCodes', o.vsicCodes?.length ? o.vsicCodes.join(', ') : null),
        item('allianceMemberSince', o.allianceMemberSince ? date(o.allianceMemberSince) : null),
      ],
    },
    {
      title: t('detail.section.place'),
      items: [
        item('address', o.address),
        item('currentCommuneCode', communeName(o.currentCommuneCode)),
        item('registeredCommune', o.registeredCommune),
        item('registeredDistrict', o.registeredDistrict),
        item('representative', o.representative),
        item('phone', o.phone),
        item('email', o.email),
      ],
    },
    {
      title: t('detail.section.members'),
      items: [
        item('membersOfficial', count(o.membersOfficial)),
        item('membersAssociatedCapital', count(o.membersAssociatedCapital)),
        item('membersAssociatedNoCapital', count(o.membersAssociatedNoCapital)),
        item('workers', count(o.workers)),
        item('charterCapitalVnd', money(o.charterCapitalVnd)),
      ],
    },
  ];
  return (
    <>
      {sections.map((section) => (
        <div key={section.title} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{section.title}</Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
            items={section.items}
            styles={{ label: { width: narrow ? '42%' : 220, padding: narrow ? '6px 8px' : undefined }, content: { wordBreak: 'break-word', padding: narrow ? '6px 8px' : undefined } }}
          />
        </div>
      ))}
    </>
  );
}
