import { Empty, List, Tag, Typography } from 'antd';
import { PageError, PageLoading } from '../../components/PageStatus.tsx';
import { date } from '../../format.ts';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.ts';
import { useRegister, vnd } from './awardsApi.ts';

/** The awards of one organisation and of its people (the register filtered by the organisation), revoked ones marked. */
export function OrganisationAwards({ organisationId }: { organisationId: string }) {
  const t = useT();
  const register = useRegister({ organisationId, pageSize: 200 });
  if (register.isLoading) return <PageLoading />;
  if (register.error) return <PageError error={register.error} onRetry={() => void register.refetch()} />;
  const items = register.data?.items ?? [];
  if (!items.length) return <Empty description={t('awards.organisation.none')} />;
  return (
    <List
      data-testid="organisation-awards"
      dataSource={items}
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span style={{ overflowWrap: 'anywhere' }}>
                {`${a.year} · ${a.awardKindName}`} {a.revoked && <Tag color="red">{t('awards.revoked', { date: date(a.revokedOn) })}</Tag>}
              </span>
            }
            description={
              <>
                <div>{a.recipientKind === 'individual' ? `${a.recipientName}${a.personPosition ? `, ${a.personPosition}` : ''}` : t('awards.collective')}</div>
                <Typography.Text type="secondary">
                  {a.decisionNumber ? t('awards.organisation.decision', { number: a.decisionNumber, date: date(a.decidedOn) }) : ''}
                  {a.cashVnd ? ` · ${vnd(a.cashVnd)}` : ''}
                </Typography.Text>
                {a.revoked && a.revokeReason && <div>{t('awards.organisation.revokedReason', { reason: a.revokeReason })}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** The organisation page's "Khen thưởng" tab, for those who may read the organisation's awards (none otherwise). */
export function useOrganisationAwardsTab(organisationId: string) {
  const t = useT();
  const { user } = useSession();
  const allowed = Boolean(user?.can.seeAwards) || user?.role === 'coop_manager';
  return allowed ? [{ key: 'awards', label: t('awards.organisation.tab'), children: <OrganisationAwards organisationId={organisationId} /> }] : [];
}
