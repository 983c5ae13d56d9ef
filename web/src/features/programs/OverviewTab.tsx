// 概况: the program's facts, curriculum targets, counts and management-rules documents.
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ProgramDetail } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { AttachmentsCard } from './AttachmentsCard.tsx';
import { dateRange, dayCount, targetPhrases } from './format.ts';

export function OverviewTab({ program, canWrite }: { program: ProgramDetail; canWrite: boolean }) {
  const t = useT();
  const label = useLabel();
  const targets = targetPhrases(t, (code) => label('sessionType', code as 'lecture'), program.targets);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {(
            [
              ['programs.classCount', program.classCount],
              ['programs.traineeCount', program.traineeCount],
              ['programs.sessionCount', program.sessionCount],
            ] as const
          ).map(([key, value]) => (
            <Col xs={8} key={key}>
              <Card size="small">
                <Statistic title={t(key)} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
        <Card size="small">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('programs.code')}>{program.code}</Descriptions.Item>
            <Descriptions.Item label={t('programs.type')}>{label('programType', program.type)}</Descriptions.Item>
            <Descriptions.Item label={t('programs.organizer')}>{program.organizer.name}</Descriptions.Item>
            <Descriptions.Item label={t('programs.partner')}>{program.partner ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('programs.dates')} span={2}>
              {dateRange(program.startDate, program.endDate)}（{t('programs.days', { n: dayCount(program.startDate, program.endDate) })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('programs.places')} span={2}>
              {program.places.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('programs.budget')}>{program.budgetYuan === null ? '—' : program.budgetYuan.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label={t('programs.themes')}>
              {program.themes.length ? (
                <Space size={[0, 4]} wrap>
                  {program.themes.map((th) => (
                    <Tag key={th}>{th}</Tag>
                  ))}
                </Space>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('programs.targets')} span={2}>
              {targets.length ? (
                <Space size={[0, 4]} wrap>
                  {targets.map((p) => (
                    <Tag color="blue" key={p}>
                      {p}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('programs.noTargets')}</Typography.Text>
              )}
            </Descriptions.Item>
            {program.description && (
              <Descriptions.Item label={t('programs.description')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{program.description}</Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <AttachmentsCard programId={program.id} canWrite={canWrite} />
      </Col>
    </Row>
  );
}
