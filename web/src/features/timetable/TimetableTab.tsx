// Program detail tab "课表": week/day calendar with drag to move, a session drawer, the conflicts panel,
// curriculum metrics against targets and xlsx/docx exports. Read-only without program:write.
import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Segmented, Select, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { SESSION_TYPES } from '@duibiao/contracts';
import type { SessionWriteResult, TimetableConflict, TimetableSession } from '@duibiao/contracts';
import { useRequest } from '../../hooks/useRequest.ts';
import { useLabel, useT } from '../../i18n/index.tsx';
import { useCan } from '../auth/session.ts';
import { getConflicts, getMetrics, getProgram, listClasses, listInstructors, listSessions, listVenues, timetableExportUrl, updateSession } from './api.ts';
import { TYPE_COLORS, addDays, clock, dateOf, daysBetween, durationMin, instantAt, minutesOf } from './calendar-layout.ts';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { MetricsBar } from './MetricsBar.tsx';
import { SessionDrawer, type DraftSlot } from './SessionDrawer.tsx';
import { TimetableCalendar } from './TimetableCalendar.tsx';

type View = 'week' | 'day';
type Filter = { classId?: number; groupId?: number };

const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export default function TimetableTab({ programId }: { programId: number }) {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const editable = can('program:write');
  const { message } = App.useApp();

  const [tick, setTick] = useState(0);
  const [analysisTick, setAnalysisTick] = useState(0);
  const [filterKey, setFilterKey] = useState<string | undefined>();
  const filter: Filter = useMemo(() => {
    if (!filterKey) return {};
    const [kind, id] = filterKey.split(':');
    return kind === 'g' ? { groupId: Number(id) } : { classId: Number(id) };
  }, [filterKey]);

  const program = useRequest((s) => getProgram(programId, s), programId);
  const classes = useRequest((s) => listClasses(programId, s), `${programId}#${tick}`);
  const orgId = program.data?.organizer.id;
  const venues = useRequest((s) => listVenues(orgId!, s), `${orgId}`, orgId !== undefined);
  const instructors = useRequest((s) => listInstructors(orgId!, s), `${orgId}`, orgId !== undefined);
  const loaded = useRequest((s) => listSessions(programId, s), `${programId}#${tick}`);
  const conflicts = useRequest((s) => getConflicts(programId, s), `${programId}#${tick}#${analysisTick}`);
  const metrics = useRequest((s) => getMetrics(programId, filter, s), `${programId}#${tick}#${analysisTick}#${filterKey ?? ''}`);

  // Local copy so a drag shows at once and can be rolled back if the server refuses it.
  const [sessions, setSessions] = useState<TimetableSession[]>([]);
  const [syncedFrom, setSyncedFrom] = useState<TimetableSession[] | undefined>();
  if (loaded.data && loaded.data !== syncedFrom) {
    // A fresh load replaces the local copy (React's "adjust state while rendering" pattern, no effect needed).
    setSyncedFrom(loaded.data);
    setSessions(loaded.data);
  }

  const [view, setView] = useState<View>('week');
  const [cursorChoice, setCursor] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [target, setTarget] = useState<TimetableSession | DraftSlot | null>(null);

  const start = program.data?.startDate;
  const end = program.data?.endDate;
  // Until the user navigates: today while the program runs, else its first day.
  const today = todayInBeijing();
  const cursor = cursorChoice ?? (start && end ? (today >= start && today <= end ? today : start) : null);

  const classOfGroup = useMemo(() => new Map((classes.data ?? []).flatMap((c) => c.groups.map((g) => [g.id, c.id] as const))), [classes.data]);
  const visible = useMemo(() => {
    if (filter.groupId !== undefined) {
      const classId = classOfGroup.get(filter.groupId);
      return sessions.filter((s) => s.audienceKind === 'program' || (s.audienceKind === 'class' && s.classId === classId) || s.groupId === filter.groupId);
    }
    if (filter.classId !== undefined) {
      return sessions.filter(
        (s) => s.audienceKind === 'program' || s.classId === filter.classId || (s.groupId !== null && classOfGroup.get(s.groupId) === filter.classId),
      );
    }
    return sessions;
  }, [sessions, filter, classOfGroup]);

  const conflictList = useMemo(() => conflicts.data ?? [], [conflicts.data]);
  const conflictIds = useMemo(() => new Set(conflictList.flatMap((c) => c.sessionIds)), [conflictList]);
  const days = useMemo(() => {
    if (!cursor) return [];
    return view === 'day' ? [cursor] : daysBetween(cursor, addDays(cursor, 6));
  }, [cursor, view]);

  const reloadAll = () => setTick((n) => n + 1);
  // A new session made while viewing one class or group is for that class or group by default.
  const presetAudience =
    filter.groupId !== undefined
      ? { classId: classOfGroup.get(filter.groupId), groupId: filter.groupId }
      : filter.classId !== undefined
        ? { classId: filter.classId }
        : {};

  const afterWrite = (result: SessionWriteResult | null, note: string) => {
    setTarget(null);
    if (result?.conflicts.length) void message.warning(t('timetable.savedWithConflicts', { n: result.conflicts.length }));
    else void message.success(note);
    if (result) setSelectedId(result.session.id);
    reloadAll();
  };

  const move = useCallback(
    async (session: TimetableSession, date: string, minutes: number) => {
      if (date === dateOf(session.startsAt) && minutes === minutesOf(session.startsAt)) return;
      const startsAt = instantAt(date, minutes);
      const endsAt = instantAt(date, minutes + durationMin(session.startsAt, session.endsAt));
      setSessions((list) => list.map((s) => (s.id === session.id ? { ...s, startsAt, endsAt } : s)));
      setSelectedId(session.id);
      try {
        const result = await updateSession(session.id, { startsAt, endsAt });
        setSessions((list) => list.map((s) => (s.id === session.id ? result.session : s)));
        if (result.conflicts.length) void message.warning(t('timetable.savedWithConflicts', { n: result.conflicts.length }));
        else void message.success(t('timetable.moved', { time: `${date} ${clock(minutes)}` }));
        setAnalysisTick((n) => n + 1);
      } catch (e) {
        setSessions((list) => list.map((s) => (s.id === session.id ? session : s)));
        void message.error(t('timetable.moveFailed', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [message, t],
  );

  const pickConflict = (sessionId: number, _conflict: TimetableConflict) => {
    const s = sessions.find((x) => x.id === sessionId);
    if (!s) return;
    if (!visible.some((x) => x.id === sessionId)) setFilterKey(undefined);
    const day = dateOf(s.startsAt);
    if (!days.includes(day)) setCursor(day);
    setSelectedId(sessionId);
    // After the calendar re-renders on the right days, bring the block into view.
    window.setTimeout(
      () => document.querySelector(`[data-session-id="${sessionId}"]`)?.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' }),
      50,
    );
  };

  if (program.error || loaded.error) {
    return <Alert type="error" showIcon message={t('timetable.loadFailed', { message: (program.error ?? loaded.error)!.message })} />;
  }
  if (!program.data || !cursor || !start || !end) return null;

  const step = view === 'week' ? 7 : 1;
  const totalHours = Math.round(visible.reduce((sum, s) => sum + s.creditedHours, 0) * 10) / 10;
  const filterOptions = (classes.data ?? []).flatMap((c) => [
    { value: `c:${c.id}`, label: c.name },
    ...c.groups.map((g) => ({ value: `g:${g.id}`, label: `${c.name} · ${g.name}` })),
  ]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <MetricsBar metrics={metrics.data} />
      <ConflictsPanel conflicts={conflictList} onPick={pickConflict} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'week', label: t('timetable.week') },
              { value: 'day', label: t('timetable.day') },
            ]}
          />
          <Button icon={<LeftOutlined />} aria-label={t('timetable.prev')} onClick={() => setCursor(addDays(cursor, -step))} />
          <Button onClick={() => setCursor(start)}>{t('timetable.firstDay')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('timetable.next')} onClick={() => setCursor(addDays(cursor, step))} />
          {filterOptions.length > 0 && (
            <Select
              allowClear
              value={filterKey}
              onChange={setFilterKey}
              placeholder={t('timetable.allAudience')}
              options={filterOptions}
              style={{ minWidth: 240 }}
              popupMatchSelectWidth={false}
              showSearch
              optionFilterProp="label"
              aria-label={t('timetable.filterHint')}
            />
          )}
          <Typography.Text type="secondary">{t('timetable.sessionCount', { n: visible.length, hours: totalHours })}</Typography.Text>
        </Space>
        <Space wrap>
          {editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ date: days.find((d) => d >= start && d <= end) ?? start, minutes: 9 * 60, ...presetAudience })}
            >
              {t('timetable.newSession')}
            </Button>
          )}
          <Button icon={<FileExcelOutlined />} href={timetableExportUrl(programId, 'xlsx', filter)}>
            {t('timetable.exportXlsx')}
          </Button>
          <Button icon={<FileWordOutlined />} href={timetableExportUrl(programId, 'docx', filter)}>
            {t('timetable.exportDocx')}
          </Button>
        </Space>
      </div>
      <Space size={4} wrap>
        {SESSION_TYPES.map((type) => (
          <Tag key={type} style={{ background: TYPE_COLORS[type].bg, borderColor: TYPE_COLORS[type].border, color: '#333' }}>
            {label('sessionType', type)}
          </Tag>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {editable ? t('timetable.dragHint') : t('timetable.readOnly')}
        </Typography.Text>
      </Space>
      <TimetableCalendar
        days={days}
        programStart={start}
        programEnd={end}
        sessions={visible}
        conflictIds={conflictIds}
        selectedId={selectedId}
        editable={editable}
        onSelect={(s) => {
          setSelectedId(s.id);
          setTarget(s);
        }}
        onCreateAt={(date, minutes) => setTarget({ date, minutes, ...presetAudience })}
        onMove={(s, date, minutes) => void move(s, date, minutes)}
      />
      <SessionDrawer
        programId={programId}
        programStart={start}
        programEnd={end}
        target={target}
        editable={editable}
        classes={classes.data ?? []}
        venues={venues.data ?? []}
        instructors={instructors.data ?? []}
        onClose={() => setTarget(null)}
        onSaved={afterWrite}
      />
    </div>
  );
}
