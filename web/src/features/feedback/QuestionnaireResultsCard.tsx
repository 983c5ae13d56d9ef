// The program's end-of-program questionnaire: which template it uses (managers may change it until the first
// answer), and anonymous per-question results once enough responses arrived.
import { useState } from 'react';
import { Alert, App, Card, Col, Empty, List, Row, Select, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { QuestionResult } from '@duibiao/contracts';
import { EChart } from '../../components/EChart.tsx';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { getProgramQuestionnaire, getQuestionnaireResults, listTemplates, setProgramQuestionnaire } from './api.ts';
import { distributionOption } from './charts.ts';
import { countSame } from './count-same.ts';

const BUILT_IN = 0;

function QuestionBlock({ q }: { q: QuestionResult }) {
  const t = useT();
  return (
    <Card size="small" title={q.title} extra={<Typography.Text type="secondary">{t('feedback.answered', { n: q.answered })}</Typography.Text>}>
      {q.type === 'text' ? (
        <List
          size="small"
          style={{ maxHeight: 320, overflowY: 'auto' }}
          dataSource={countSame(q.texts)}
          locale={{ emptyText: t('common.noData') }}
          renderItem={(a) => (
            <List.Item>
              “{a.text}”{a.count > 1 && <Typography.Text type="secondary"> ×{a.count}</Typography.Text>}
            </List.Item>
          )}
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {q.average !== null && <Statistic title={t('feedback.average')} value={q.average.toFixed(2)} suffix="/ 5" />}
          <EChart option={distributionOption(q, t('feedback.answered', { n: '' }))} height={Math.max(120, q.distribution.length * 32)} ariaLabel={q.title} />
        </Space>
      )}
    </Card>
  );
}

export function QuestionnaireResultsCard({ programId }: { programId: number }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const questionnaire = useRequest((signal) => getProgramQuestionnaire(programId, signal), `${programId}#${tick}`);
  const results = useRequest((signal) => getQuestionnaireResults(programId, signal), `${programId}#${tick}`);
  const canChoose = can('program:write');
  const templates = useRequest((signal) => listTemplates(signal), 'templates', canChoose);
  const locked = (questionnaire.data?.responseCount ?? 0) > 0;

  const choose = async (value: number) => {
    try {
      await setProgramQuestionnaire(programId, value === BUILT_IN ? null : value);
      void message.success(t('common.saved'));
      setTick((n) => n + 1);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const options = [
    { value: BUILT_IN, label: `${templates.data?.builtIn.name ?? ''}（${t('feedback.builtIn')}）` },
    ...(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: `${tpl.name} · ${tpl.orgName}` })),
  ];
  const data = results.data;

  return (
    <Card
      title={t('feedback.questionnaire')}
      size="small"
      loading={questionnaire.loading && !questionnaire.data}
      extra={
        questionnaire.data && (
          <Space wrap>
            <Typography.Text type="secondary">{t('feedback.questionnaireTemplate')}</Typography.Text>
            {canChoose ? (
              <Select
                style={{ minWidth: 240 }}
                value={questionnaire.data.templateId ?? BUILT_IN}
                options={options}
                disabled={locked}
                title={locked ? t('feedback.templateLocked') : undefined}
                onChange={(v: number) => void choose(v)}
              />
            ) : (
              <Typography.Text>{questionnaire.data.name}</Typography.Text>
            )}
            <Typography.Text type="secondary">
              {questionnaire.data.responseCount} {t('feedback.responses')}
            </Typography.Text>
            {canChoose && <Link to="/questionnaires">{t('feedback.manageTemplates')}</Link>}
          </Space>
        )
      }
    >
      {results.error && <Alert type="error" showIcon title={results.error.message} />}
      {data && data.tooFew && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('feedback.questionnaireTooFew', { n: data.minRatingsToShow })} />}
      {data && !data.tooFew && (
        <Row gutter={[16, 16]}>
          {data.questions.map((q) => (
            <Col key={q.id} xs={24} lg={12}>
              <QuestionBlock q={q} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
