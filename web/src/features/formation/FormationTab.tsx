// Program tab 分班建组 (S2): feasibility check, solver controls, per-class statistics and the drag-and-drop board with
// live violations; organizers save the plan and apply it to the trainees' classes and groups.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, InputNumber, Space, Spin, Typography } from 'antd';
import type { FormationDraft, FormationLock, FormationView, FormationSolution, FormationStats, FormationViolation } from '@duibiao/contracts';
import { ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { applyFormation, evaluateFormation, getFormation, saveFormationDraft, solveFormation } from './api.ts';
import { moveMember, relock, toggleLock, unplaced, withAllClasses, type MoveTarget } from './board-ops.ts';
import { FormationBoard } from './FormationBoard.tsx';
import { FormationStatsTable } from './FormationStats.tsx';
import { ViolationList } from './ViolationList.tsx';

interface Board {
  solution: FormationSolution;
  locks: FormationLock[];
  violations: FormationViolation[];
  stats: FormationStats | null;
  dirty: boolean;
}

/** Feasibility codes meaning there is nothing to evaluate yet (no classes, no trainees, too little capacity). */
const ROSTER_PROBLEMS = ['NO_CLASSES', 'NO_TRAINEES', 'CAPACITY_SHORT'];
const errorText = (e: unknown) => (e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)] : [String(e)]);

export default function FormationTab({ programId }: { programId: number }) {
  const t = useT();
  const can = useCan();
  const { message, modal } = App.useApp();
  const editable = can('program:write');
  const view = useRequest((signal) => getFormation(programId, signal), programId);
  const [board, setBoard] = useState<Board | null>(null);
  const [groupSize, setGroupSize] = useState({ min: 6, max: 10 });
  const [seed, setSeed] = useState(1);
  const [keepLocks, setKeepLocks] = useState(true);
  const [busy, setBusy] = useState<'solve' | 'save' | 'apply' | null>(null);
  const [checking, setChecking] = useState(false);
  const [actionError, setActionError] = useState<string[] | null>(null);
  /** Set once this session solved or saved, so the "no plan yet" note goes before the view reloads. */
  const [drafted, setDrafted] = useState(false);
  const evaluation = useRef(0);
  const classIds = view.data?.classes.map((c) => c.id) ?? [];

  const personIds = new Set(view.data?.people.map((p) => p.id) ?? []);
  const fromDraft = (d: FormationDraft): Board => ({
    solution: withAllClasses(d.solution, classIds, personIds),
    locks: d.locks,
    violations: d.violations,
    stats: d.stats,
    dirty: false,
  });

  const evaluate = (solution: FormationSolution, locks: FormationLock[], dirty: boolean) => {
    const ticket = ++evaluation.current;
    setChecking(true);
    evaluateFormation(programId, { solution, locks, groupSize }).then(
      (r) => {
        if (ticket !== evaluation.current) return; // a newer move is being checked
        setBoard((b) => (b ? { ...b, violations: r.violations, stats: r.stats, dirty: dirty || b.dirty } : b));
        setChecking(false);
      },
      (e: unknown) => {
        if (ticket !== evaluation.current) return;
        setActionError(errorText(e));
        setChecking(false);
      },
    );
  };

  // (Re)load the board whenever the server state arrives: the draft, or the arrangement on the enrolments.
  const [loaded, setLoaded] = useState<FormationView | undefined>(undefined);
  if (view.data && view.data !== loaded) {
    const data = view.data;
    const ids = data.classes.map((c) => c.id);
    setLoaded(data);
    if (data.draft) {
      setBoard({
        solution: withAllClasses(data.draft.solution, ids, new Set(data.people.map((p) => p.id))),
        locks: data.draft.locks,
        violations: data.draft.violations,
        stats: data.draft.stats,
        dirty: false,
      });
      setGroupSize(data.draft.groupSize);
      setSeed(data.draft.seed);
    } else {
      setBoard({ solution: withAllClasses(data.current, ids), locks: [], violations: [], stats: null, dirty: false });
    }
  }

  // Without a draft, check the current arrangement once so the board shows what is wrong with it; with a draft naming
  // trainees who have left since, re-check it as the board shows it (without them) and mark it unsaved.
  useEffect(() => {
    const data = view.data;
    if (!data || !editable || data.feasibility.some((f) => ROSTER_PROBLEMS.includes(f.code))) return;
    const stale = data.draft?.violations.some((v) => v.code === 'UNKNOWN_PERSON') ?? false;
    if (data.draft && !stale) return;
    const ids = data.classes.map((c) => c.id);
    const solution = data.draft ? withAllClasses(data.draft.solution, ids, new Set(data.people.map((p) => p.id))) : withAllClasses(data.current, ids);
    const locks = data.draft?.locks.filter((l) => data.people.some((p) => p.id === l.person)) ?? [];
    const ticket = ++evaluation.current;
    evaluateFormation(programId, { solution, locks, ...(data.draft ? { groupSize: data.draft.groupSize } : {}) }).then(
      (r) => {
        if (ticket === evaluation.current) setBoard((b) => (b ? { ...b, locks, violations: r.violations, stats: r.stats, dirty: stale } : b));
      },
      () => undefined, // the board still works; the next move reports errors
    );
  }, [view.data, editable, programId]);

  if (view.error) return <Alert type="error" showIcon title={view.error.message} />;
  if (!view.data || !board) return <Spin />;
  const data = view.data;
  const people = new Map(data.people.map((p) => [p.id, p]));
  const errors = board.violations.filter((v) => v.severity === 'error');

  const run = async (kind: 'solve' | 'save' | 'apply', action: () => Promise<void>) => {
    setBusy(kind);
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const solve = () =>
    run('solve', async () => {
      const d = await solveFormation(programId, { seed, groupSize, keepLocks });
      setBoard(fromDraft(d));
      setDrafted(true);
      void message.success(t('formation.solved', { ms: Math.round(d.stats.ms ?? 0) }));
    });
  const save = async () => {
    const d = await saveFormationDraft(programId, { solution: board.solution, locks: board.locks, groupSize });
    setBoard(fromDraft(d));
    setDrafted(true);
    return d;
  };
  const saveClick = () =>
    run('save', async () => {
      await save();
      void message.success(t('formation.saved'));
    });
  const apply = () =>
    modal.confirm({
      title: t('formation.apply'),
      content: t('formation.applyConfirm'),
      onOk: () =>
        run('apply', async () => {
          if (board.dirty) await save();
          const r = await applyFormation(programId);
          void message.success(t('formation.applied', { moved: r.moved, created: r.groupsCreated, deleted: r.groupsDeleted }));
          view.reload();
        }),
    });

  const onMove = (person: string, target: MoveTarget) => {
    const solution = moveMember(board.solution, person, target);
    const locks = relock(board.locks, solution, person);
    setBoard({ ...board, solution, locks, dirty: true });
    evaluate(solution, locks, true);
  };
  const onToggleLock = (person: string) => {
    const locks = toggleLock(board.locks, board.solution, person);
    setBoard({ ...board, locks, dirty: true });
    evaluate(board.solution, locks, true);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data.feasibility.length === 0 ? (
        <Alert type="success" showIcon title={t('formation.feasible')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('formation.infeasible')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {data.feasibility.map((f) => (
                <li key={f.code + f.message}>{f.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {editable ? (
        <Card size="small">
          <Space wrap>
            <span>{t('formation.groupSize')}</span>
            <InputNumber
              aria-label={`${t('formation.groupSize')} min`}
              min={1}
              max={100}
              value={groupSize.min}
              onChange={(v) => setGroupSize((g) => ({ ...g, min: v ?? 1 }))}
            />
            <span>–</span>
            <InputNumber
              aria-label={`${t('formation.groupSize')} max`}
              min={1}
              max={100}
              value={groupSize.max}
              onChange={(v) => setGroupSize((g) => ({ ...g, max: v ?? 1 }))}
            />
            <span>{t('formation.seed')}</span>
            <InputNumber aria-label={t('formation.seed')} min={0} max={2147483647} value={seed} onChange={(v) => setSeed(v ?? 0)} />
            <Checkbox checked={keepLocks} onChange={(e) => setKeepLocks(e.target.checked)}>
              {t('formation.keepLocks')}
              {board.locks.length > 0 ? `（${t('formation.locked', { n: board.locks.length })}）` : ''}
            </Checkbox>
            <Button type="primary" loading={busy === 'solve'} onClick={() => void solve()}>
              {t('formation.solve')}
            </Button>
            <Button loading={busy === 'save'} disabled={!board.dirty} onClick={() => void saveClick()}>
              {t('formation.save')}
            </Button>
            <Button danger loading={busy === 'apply'} disabled={errors.length > 0 || checking || (!data.draft && !board.dirty)} onClick={() => void apply()}>
              {t('formation.apply')}
            </Button>
            {board.dirty && <Typography.Text type="warning">{t('formation.unsaved')}</Typography.Text>}
            {data.draft?.appliedAt && !board.dirty && (
              <Typography.Text type="secondary">{t('formation.appliedAt', { at: data.draft.appliedAt.slice(0, 16).replace('T', ' ') })}</Typography.Text>
            )}
          </Space>
          {errors.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('formation.applyBlocked', { n: errors.length })}
            </Typography.Paragraph>
          )}
        </Card>
      ) : (
        <Typography.Text type="secondary">{t('formation.readOnly')}</Typography.Text>
      )}
      {actionError && (
        <Alert
          type="error"
          showIcon
          closable
          title={actionError[0]}
          description={actionError.length > 1 ? actionError.slice(1).join('；') : undefined}
          onClose={() => setActionError(null)}
        />
      )}
      {!data.draft && !drafted && <Typography.Text type="secondary">{t('formation.noDraft')}</Typography.Text>}
      <ViolationList violations={board.violations} checking={checking} />
      {board.stats && <FormationStatsTable stats={board.stats} classes={data.classes} />}
      {editable && <Typography.Text type="secondary">{t('formation.dragHint')}</Typography.Text>}
      <FormationBoard
        classes={data.classes}
        unplaced={unplaced(
          board.solution,
          data.people.map((p) => p.id),
        )}
        people={people}
        solution={board.solution}
        locks={board.locks}
        violations={board.violations}
        editable={editable}
        onMove={onMove}
        onToggleLock={onToggleLock}
      />
    </Space>
  );
}
