import { useState } from 'react';
import { defaultReportYear } from '../../../shared/dates.ts';
import { PlanForm } from './PlanForm.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useReportTexts } from './texts.ts';

/** The alliance's yearly targets (kế hoạch, chỉ tiêu), set by its staff. */
export default function PlansPage() {
  const t = useReportTexts();
  const [year] = useState(defaultReportYear() + 1);
  return (
    <>
      <PageTitle>{t('planFormTitle')}</PageTitle>
      <PlanForm year={year} />
    </>
  );
}
