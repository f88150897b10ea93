import { Typography } from 'antd';
import { useState } from 'react';
import { defaultReportYear } from '../../../shared/dates.ts';
import { PlanForm } from './PlanForm.tsx';
import { useReportTexts } from './texts.ts';

/** The alliance's yearly targets (kế hoạch, chỉ tiêu), set by its staff. */
export default function PlansPage() {
  const t = useReportTexts();
  const [year] = useState(defaultReportYear() + 1);
  return (
    <>
      <Typography.Title level={3}>{t('planFormTitle')}</Typography.Title>
      <PlanForm year={year} />
    </>
  );
}
