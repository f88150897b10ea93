import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';
import { useLogout, useSession } from '../session/session.ts';
import { useGo } from './portalPaths.ts';

/** The signed-in user (email, role) with "log out", or a "log in" link for visitors. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { user } = useSession();
  const logout = useLogout();
  const go = useGo();
  const navigate = useNavigate();
  if (!user) {
    return (
      <Link to="/login">
        <Button size="small" type="primary">{t('nav.login')}</Button>
      </Link>
    );
  }
  const items = [
    { key: 'who', disabled: true, label: <Typography.Text type="secondary">{`${user.email} · ${user.roleLabel}`}</Typography.Text> },
    { type: 'divider' as const },
    { key: 'password', icon: <KeyOutlined />, label: t('nav.password') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => go('/') });
          if (key === 'password') navigate('/account/password');
        },
      }}
    >
      <Button size="small" icon={<UserOutlined />} aria-label={user.email} data-testid="user-menu">
        {compact ? null : <span style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.email}</span>}
      </Button>
    </Dropdown>
  );
}
