import { Checkbox, Flex, Input, Typography } from 'antd';
import { Fragment } from 'react';
import { useI18n, useT } from '../../i18n/index.tsx';
import { difference, formatDelta, formatValue, textIn, unitOf, type FormDefinition, type FormField } from './formDefinition.ts';
import type { Values } from './updatesApi.ts';

type Props = {
  definition: FormDefinition;
  values: Values;
  lastYear: { year: number; values: Values } | null;
  year: number;
  /** While returning: the questioned fields and their reasons (a field is questioned when its key is present). */
  questions: Record<string, string> | null;
  onQuestion?(field: string, reason: string | null): void;
  /** The reasons of the last return, shown on their fields. */
  previousReasons: Record<string, string> | null;
  changedOnly: boolean;
  narrow: boolean;
  errors: Record<string, string>;
};

/** The label of a form field in the reader's language. */
export function useFieldLabel(): (field: FormField) => string {
  const { lang } = useI18n();
  return (field) => textIn(field.label, lang);
}

/**
 * This year's values beside last year's accepted ones, section by section, with the unit of each item and the
 * change highlighted; while returning, a checkbox and a reason on each item.
 */
export function UpdateComparison({ definition, values, lastYear, year, questions, onQuestion, previousReasons, changedOnly, narrow, errors }: Props) {
  const t = useT();
  const { lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const words = { yes: t('updates.yes'), no: t('updates.no'), people: t('updates.people'), none: t('common.none') };
  // The unit after the label, unless the label already says it ("Vốn điều lệ (đồng)").
  const unitText = (field: FormField) => {
    const unit = unitOf(field);
    const text = unit ? t(`updates.unit.${unit}`) : null;
    return text && !fieldLabel(field).toLowerCase().includes(text.toLowerCase()) ? text : null;
  };
  const columns = narrow ? '1fr' : questions ? '32px minmax(180px, 2fr) 1fr 1fr 1fr' : 'minmax(180px, 2fr) 1fr 1fr 1fr';

  return (
    <Flex vertical gap={16} data-testid="update-comparison">
      {definition.sections.map((section) => {
        const rows = section.fields
          .map((field) => ({ field, d: difference(values[field.key], lastYear?.values[field.key]) }))
          .filter(({ field, d }) => !changedOnly || d.changed || (questions && field.key in questions) || previousReasons?.[field.key]);
        if (rows.length === 0) return null;
        return (
          <section key={section.key} data-testid={`section-${section.key}`}>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0, marginBottom: 8 }}>{textIn(section.title, lang)}</Typography.Title>
            <div style={{ display: 'grid', gridTemplateColumns: columns, border: '1px solid #f0f0f0', borderRadius: 6 }}>
              {!narrow && (
                <>
                  {questions && <div style={HEAD} />}
                  <div style={HEAD}>{t('updates.detail.field')}</div>
                  <div style={{ ...HEAD, textAlign: 'right' }}>{t('updates.detail.thisYear', { year })}</div>
                  <div style={{ ...HEAD, textAlign: 'right' }}>{lastYear ? t('updates.detail.lastYear', { year: lastYear.year }) : t('common.none')}</div>
                  <div style={{ ...HEAD, textAlign: 'right' }}>{t('updates.detail.change')}</div>
                </>
              )}
              {rows.map(({ field, d }) => {
                const label = fieldLabel(field);
                const unit = unitText(field);
                const questioned = questions !== null && field.key in questions;
                const background = questioned ? '#fff1f0' : d.changed && lastYear ? '#fffbe6' : undefined;
                const cell = { ...CELL, background };
                const now = formatValue(field, values[field.key], words, lang);
                const before = lastYear ? formatValue(field, lastYear.values[field.key], words, lang) : t('common.none');
                const delta = lastYear ? formatDelta(field, d, words) : '';
                const labelBlock = (
                  <>
                    <Typography.Text strong={d.changed && Boolean(lastYear)}>{label}</Typography.Text>
                    {unit && <Typography.Text type="secondary"> ({unit})</Typography.Text>}
                    {field.required && <Typography.Text type="danger"> *</Typography.Text>}
                    {previousReasons?.[field.key] && (
                      <Typography.Text style={{ display: 'block', fontSize: 12, color: CHANGE }} data-testid={`previous-reason-${field.key}`}>
                        {t('updates.detail.previousReasons')} {previousReasons[field.key]}
                      </Typography.Text>
                    )}
                  </>
                );
                const question = questions !== null && (
                  <Checkbox
                    checked={questioned}
                    onChange={(e) => onQuestion?.(field.key, e.target.checked ? '' : null)}
                    aria-label={`${t('updates.detail.question')}: ${label}`}
                    data-testid={`question-${field.key}`}
                  >
                    {narrow ? t('updates.detail.question') : null}
                  </Checkbox>
                );
                const reason = questioned && (
                  <div style={{ gridColumn: '1 / -1', padding: '0 12px 12px', background }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={500}
                      value={questions[field.key]}
                      onChange={(e) => onQuestion?.(field.key, e.target.value)}
                      placeholder={t('updates.detail.reasonPlaceholder')}
                      aria-label={`${t('updates.detail.reason')}: ${label}`}
                      status={errors[field.key] ? 'error' : undefined}
                      data-testid={`reason-${field.key}`}
                    />
                    {errors[field.key] && <Typography.Text type="danger" style={{ fontSize: 12 }}>{errors[field.key]}</Typography.Text>}
                  </div>
                );
                if (narrow) {
                  return (
                    <Fragment key={field.key}>
                      <div style={{ ...cell, display: 'flex', flexDirection: 'column', gap: 4 }} data-testid={`field-${field.key}`} data-changed={d.changed}>
                        <div>{labelBlock}</div>
                        <div>
                          <Typography.Text>{now}</Typography.Text>
                          {lastYear && (
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {t('updates.detail.lastYear', { year: lastYear.year })}: {before}
                              {delta && <Typography.Text strong style={{ fontSize: 12, color: CHANGE }}> · {delta}</Typography.Text>}
                            </Typography.Text>
                          )}
                        </div>
                        {question}
                      </div>
                      {reason}
                    </Fragment>
                  );
                }
                return (
                  <Fragment key={field.key}>
                    {questions && <div style={cell}>{question}</div>}
                    <div style={cell} data-testid={`field-${field.key}`} data-changed={d.changed}>{labelBlock}</div>
                    <div style={{ ...cell, textAlign: 'right' }} data-testid={`value-${field.key}`}>{now}</div>
                    <div style={{ ...cell, textAlign: 'right' }}><Typography.Text type="secondary">{before}</Typography.Text></div>
                    <div style={{ ...cell, textAlign: 'right' }}>
                      {delta ? <Typography.Text strong style={{ color: CHANGE }}>{delta}</Typography.Text> : d.changed && lastYear ? <Typography.Text strong style={{ color: CHANGE }}>≠</Typography.Text> : ''}
                    </div>
                    {reason}
                  </Fragment>
                );
              })}
            </div>
          </section>
        );
      })}
    </Flex>
  );
}

// Orange 8: 4.5:1 and more on white and on the highlight of a changed row.
const CHANGE = '#ad4e00';
const HEAD = { padding: '8px 12px', background: '#fafafa', fontWeight: 600, borderBottom: '1px solid #f0f0f0' } as const;
const CELL = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere', minWidth: 0 } as const;
