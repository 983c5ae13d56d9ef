// The formation board: one column per class, a card per group, a chip per trainee. Chips move by HTML5 drag and drop or
// by their "移动到…" menu (keyboard and tests); groups and classes that break a rule get a red outline.
import { LockFilled, UnlockOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import type { DragEvent } from 'react';
import type { FormationClass, FormationLock, FormationPerson, FormationSolution, FormationViolation } from '@duibiao/contracts';
import { useLabel, useT } from '../../i18n/index.tsx';
import type { MoveTarget } from './board-ops.ts';

interface Props {
  classes: FormationClass[];
  people: Map<string, FormationPerson>;
  solution: FormationSolution;
  /** Trainees the solution places nowhere (joined after the draft was saved). */
  unplaced: string[];
  locks: FormationLock[];
  violations: FormationViolation[];
  editable: boolean;
  onMove: (person: string, target: MoveTarget) => void;
  onToggleLock: (person: string) => void;
}

const RED = '#ff4d4f';
const ORANGE = '#faad14';
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function dropHandlers(editable: boolean, onDrop: (person: string) => void) {
  if (!editable) return {};
  return {
    onDragOver: (e: DragEvent) => e.preventDefault(),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
      const person = e.dataTransfer.getData('text/plain');
      if (person) onDrop(person);
    },
  };
}

export function FormationBoard({ classes, people, solution, unplaced, locks, violations, editable, onMove, onToggleLock }: Props) {
  const t = useT();
  const label = useLabel();
  const name = new Map(classes.map((c) => [c.id, c.name]));
  const locked = new Set(locks.map((l) => l.person));
  const errorsAt = (classId: string, groupId?: string) =>
    violations.filter((v) => v.severity === 'error' && v.classId === classId && (groupId === undefined ? v.groupId === undefined : v.groupId === groupId));
  const warnedGroups = new Set(violations.filter((v) => v.severity === 'warning' && v.groupId).map((v) => v.groupId!));
  const warnedPeople = new Set(violations.filter((v) => v.code === 'SAME_UNIT_PAIR').flatMap((v) => v.personIds ?? []));

  // Every group of every class, plus "new group", as "move to" targets.
  const targets = solution.classes.flatMap((c) => [
    ...c.groups.map((g, k) => ({ key: `${c.id}|${g.id}`, label: `${name.get(c.id) ?? c.id} · ${t('formation.group', { k: k + 1 })}` })),
    { key: `${c.id}|`, label: `${name.get(c.id) ?? c.id} · ${t('formation.newGroup')}` },
  ]);
  const parseTarget = (key: string): MoveTarget => {
    const [classId, groupId] = key.split('|') as [string, string];
    return { classId, groupId: groupId === '' ? null : groupId };
  };

  const chip = (id: string) => {
    const p = people.get(id);
    const isLocked = locked.has(id);
    return (
      <div
        key={id}
        data-person={id}
        draggable={editable}
        onDragStart={(e) => {
          e.dataTransfer.setData('text/plain', id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 4,
          padding: '2px 6px',
          marginBottom: 4,
          borderRadius: 6,
          background: '#fafafa',
          border: `1px solid ${warnedPeople.has(id) ? ORANGE : '#f0f0f0'}`,
          cursor: editable ? 'grab' : 'default',
        }}
      >
        <span style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>{p?.name ?? id}</span>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: '7em' }} title={p?.unitName}>
          {p?.unitName}
        </Typography.Text>
        {p?.grassroots && (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('formation.grassrootsTag')}
          </Tag>
        )}
        {p?.gender && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label('gender', p.gender as 'male')}
          </Typography.Text>
        )}
        <span style={{ flex: 1 }} />
        {editable ? (
          <Tooltip title={isLocked ? t('formation.unlock') : t('formation.lock')}>
            <Button
              size="small"
              type="text"
              aria-label={isLocked ? t('formation.unlock') : t('formation.lock')}
              aria-pressed={isLocked}
              data-lock={id}
              onClick={() => onToggleLock(id)}
              icon={isLocked ? <LockFilled style={{ color: '#d46b08' }} /> : <UnlockOutlined style={{ opacity: 0.4 }} />}
            />
          </Tooltip>
        ) : (
          isLocked && <LockFilled aria-label={t('formation.lock')} style={{ color: '#d46b08' }} />
        )}
        {editable && (
          <Dropdown trigger={['click']} menu={{ items: targets, onClick: ({ key }) => onMove(id, parseTarget(key)) }}>
            <Button size="small" type="text" aria-label={`${t('formation.moveTo')} ${p?.name ?? id}`} data-move={id}>
              ⇄
            </Button>
          </Dropdown>
        )}
      </div>
    );
  };

  return (
    <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start', paddingBottom: 8 }}>
      {unplaced.length > 0 && (
        <div data-unplaced style={{ minWidth: 260, padding: 8, borderRadius: 8, border: `2px solid ${RED}`, background: '#fff' }}>
          <Typography.Text strong>
            {t('formation.unplaced')} · {unplaced.length}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>{unplaced.map(chip)}</div>
        </div>
      )}
      {solution.classes.map((c) => {
        const spec = classes.find((x) => x.id === c.id);
        const classErrors = errorsAt(c.id);
        const grouped = new Set(c.groups.flatMap((g) => g.members));
        const ungrouped = c.members.filter((m) => !grouped.has(m));
        return (
          <div
            key={c.id}
            data-class={c.id}
            style={{
              minWidth: 300,
              flex: '1 0 300px',
              padding: 8,
              borderRadius: 8,
              border: `2px solid ${classErrors.length ? RED : '#f0f0f0'}`,
              background: '#fff',
            }}
            {...dropHandlers(editable, (person) => onMove(person, { classId: c.id, groupId: c.groups[0]?.id ?? null }))}
          >
            <Space orientation="vertical" size={0} style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {spec?.name ?? c.id} · {c.members.length}/{spec?.capacity ?? '?'}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {spec?.themeTags.length ? `${t('formation.themeTags')}：${spec.themeTags.join('、')} · ` : ''}
                {t('formation.floor', { share: pct(spec?.minGrassrootsShare ?? 0) })}
              </Typography.Text>
              {classErrors.map((v) => (
                <Typography.Text key={v.code + v.message} type="danger" style={{ fontSize: 12 }}>
                  {v.message}
                </Typography.Text>
              ))}
            </Space>
            {c.groups.map((g, k) => {
              const groupErrors = errorsAt(c.id, g.id);
              const border = groupErrors.length ? RED : warnedGroups.has(g.id) ? ORANGE : undefined;
              return (
                <Card
                  key={g.id}
                  size="small"
                  data-group={g.id}
                  data-invalid={groupErrors.length > 0 || undefined}
                  title={`${t('formation.group', { k: k + 1 })} · ${t('formation.groupCount', { n: g.members.length })}`}
                  style={{ marginBottom: 8, ...(border ? { borderColor: border, borderWidth: 2 } : {}) }}
                  {...dropHandlers(editable, (person) => onMove(person, { classId: c.id, groupId: g.id }))}
                >
                  {g.members.map(chip)}
                </Card>
              );
            })}
            {ungrouped.length > 0 && (
              <Card size="small" title={t('formation.ungrouped')} style={{ marginBottom: 8, borderColor: RED }}>
                {ungrouped.map(chip)}
              </Card>
            )}
            {editable && (
              <div
                data-new-group={c.id}
                style={{ border: '1px dashed #d9d9d9', borderRadius: 6, padding: 8, textAlign: 'center', color: '#999' }}
                {...dropHandlers(editable, (person) => onMove(person, { classId: c.id, groupId: null }))}
              >
                + {t('formation.newGroup')}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
