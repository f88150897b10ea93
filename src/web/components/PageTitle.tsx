import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** The page's one h1 (a screen reader's way to the page's subject), in the size of a section title. */
export function PageTitle({ children, style, testId }: { children: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 24, lineHeight: 1.35, marginTop: 0, ...style }} data-testid={testId}>
      {children}
    </Typography.Title>
  );
}

/** The page's h1 where a card's title names the page: it keeps the card title's look. */
export function CardHeading({ children }: { children: ReactNode }) {
  return <h1 style={{ font: 'inherit', color: 'inherit', margin: 0, whiteSpace: 'inherit' }}>{children}</h1>;
}
