import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { thumbSrc, useCategories, type ArticleInput, type PortalImage } from './articlesApi.ts';
import { ImagePicker } from './ImagePicker.tsx';

export type FieldError = { field?: string; message: string } | null;

/** Help under a field when the server's error names it. */
const errorOf = (error: FieldError, field: string) => (error?.field === field ? { validateStatus: 'error' as const, help: error.message } : {});

/** The article's fields other than the body: title, summary, category, tags, author and position, cover photo. */
export function ArticleFields({ value, onChange, error, kind }: {
  value: ArticleInput;
  onChange: (changes: Partial<ArticleInput>) => void;
  error: FieldError;
  kind: string;
}) {
  const t = useT();
  const categories = useCategories();
  const [picking, setPicking] = useState(false);
  const [coverImage, setCoverImage] = useState<PortalImage | null>(null);
  const shown = coverImage && coverImage.id === value.coverImageId ? coverImage : null;

  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('portal.field.title')} htmlFor="article-title" required {...errorOf(error, 'title')}>
        <Input id="article-title" value={value.title} onChange={(e) => onChange({ title: e.target.value })} maxLength={300} data-testid="article-title" />
      </Form.Item>
      <Form.Item label={t('portal.field.summary')} htmlFor="article-summary" {...errorOf(error, 'summary')}>
        <Input.TextArea id="article-summary" value={value.summary} onChange={(e) => onChange({ summary: e.target.value })} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="article-summary" />
      </Form.Item>
      <Row gutter={16}>
        {kind === 'news' && (
          <Col xs={24} md={12}>
            <Form.Item label={t('portal.field.category')} htmlFor="article-category" {...errorOf(error, 'categoryId')}>
              <Select
                id="article-category"
                allowClear
                value={value.categoryId ?? undefined}
                onChange={(v?: string) => onChange({ categoryId: v ?? null })}
                options={(categories.data ?? []).filter((c) => c.kind === 'news').map((c) => ({ value: c.id, label: c.name }))}
                placeholder={t('portal.field.categoryNone')}
                data-testid="article-category"
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label={t('portal.field.tags')} htmlFor="article-tags" extra={t('portal.field.tagsHint')} {...errorOf(error, 'tags')}>
            <Select id="article-tags" mode="tags" value={value.tags} onChange={(tags: string[]) => onChange({ tags })} tokenSeparators={[',']} open={false} suffixIcon={null} data-testid="article-tags" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('portal.field.authorName')} htmlFor="article-author" {...errorOf(error, 'authorName')}>
            <Input id="article-author" value={value.authorName ?? ''} onChange={(e) => onChange({ authorName: e.target.value || null })} data-testid="article-author" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('portal.field.authorPosition')} htmlFor="article-position" {...errorOf(error, 'authorPosition')}>
            <Input id="article-position" value={value.authorPosition ?? ''} onChange={(e) => onChange({ authorPosition: e.target.value || null })} data-testid="article-position" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('portal.field.cover')} {...errorOf(error, 'coverImageId')}>
        <Flex wrap gap={8} align="center">
          {shown && <img src={thumbSrc(shown)} alt={shown.alt} width={160} style={{ height: 'auto', borderRadius: 4 }} data-testid="cover-preview" />}
          {value.coverImageId && !shown && <span>{t('portal.field.coverChosen')}</span>}
          <Button icon={<PictureOutlined />} onClick={() => setPicking(true)} data-testid="choose-cover">
            {value.coverImageId ? t('portal.field.coverChange') : t('portal.field.coverChoose')}
          </Button>
          {value.coverImageId && <Button icon={<DeleteOutlined />} onClick={() => onChange({ coverImageId: null })}>{t('portal.field.coverRemove')}</Button>}
        </Flex>
      </Form.Item>
      <ImagePicker
        open={picking}
        title={t('portal.field.cover')}
        withCaption={false}
        onClose={() => setPicking(false)}
        onPick={(image) => {
          setPicking(false);
          setCoverImage(image);
          onChange({ coverImageId: image.id });
        }}
      />
    </Form>
  );
}
