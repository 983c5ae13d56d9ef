// Week/day calendar of sessions: columns are days, rows 07:00–22:00; blocks coloured by type, dragged to move
// (HTML5 drag and drop, 15-minute snap) and clicked to edit; clicking an empty slot starts a new session.
import { useMemo, useRef, useState } from 'react';
import type { DragEvent, MouseEvent } from 'react';
import { Tooltip } from 'antd';
import type { TimetableSession } from '@duibiao/contracts';
import { useLabel, useLang, useT } from '../../i18n/index.tsx';
import {
  DAY_END_MIN,
  DAY_START_MIN,
  GRID_HEIGHT,
  PX_PER_HOUR,
  PX_PER_MIN,
  SNAP_MIN,
  TYPE_COLORS,
  clock,
  clockOf,
  dateOf,
  dayHeading,
  durationMin,
  placeDay,
  snapMinutes,
} from './calendar-layout.ts';

interface Props {
  days: string[];
  programStart: string;
  programEnd: string;
  sessions: TimetableSession[];
  conflictIds: Set<number>;
  selectedId: number | null;
  editable: boolean;
  onSelect: (session: TimetableSession) => void;
  onCreateAt: (date: string, minutes: number) => void;
  onMove: (session: TimetableSession, date: string, minutes: number) => void;
}

const HOURS = Array.from({ length: (DAY_END_MIN - DAY_START_MIN) / 60 + 1 }, (_, i) => DAY_START_MIN / 60 + i);
const GRID_LINES = `repeating-linear-gradient(to bottom, #e8e8e8 0, #e8e8e8 1px, transparent 1px, transparent ${PX_PER_HOUR / 2}px)`;

export function TimetableCalendar(props: Props) {
  const { days, programStart, programEnd, sessions, conflictIds, selectedId, editable } = props;
  const t = useT();
  const label = useLabel();
  const { lang } = useLang();
  const grab = useRef<{ id: number; offsetPx: number } | null>(null);
  const [ghost, setGhost] = useState<{ date: string; minutes: number; duration: number } | null>(null);

  const byDay = useMemo(() => {
    const map = new Map<string, TimetableSession[]>();
    for (const s of sessions) {
      const d = dateOf(s.startsAt);
      const list = map.get(d);
      if (list) list.push(s);
      else map.set(d, [s]);
    }
    return map;
  }, [sessions]);

  const inProgram = (date: string) => date >= programStart && date <= programEnd;
  const dragged = () => (grab.current ? sessions.find((s) => s.id === grab.current!.id) : undefined);

  const dropTarget = (e: DragEvent<HTMLDivElement>, date: string) => {
    const session = dragged();
    if (!session || !grab.current) return undefined;
    const duration = durationMin(session.startsAt, session.endsAt);
    const top = e.clientY - e.currentTarget.getBoundingClientRect().top - grab.current.offsetPx;
    return { session, date, minutes: snapMinutes(top, duration), duration };
  };

  const clickSlot = (e: MouseEvent<HTMLDivElement>, date: string) => {
    if (!editable || e.target !== e.currentTarget || !inProgram(date)) return;
    const offset = e.clientY - e.currentTarget.getBoundingClientRect().top;
    // Floor, not round: the slot under the pointer is the one the user meant.
    const minutes = Math.min(DAY_START_MIN + Math.floor(offset / PX_PER_MIN / SNAP_MIN) * SNAP_MIN, DAY_END_MIN - 60);
    props.onCreateAt(date, minutes);
  };

  return (
    <div className="tt-scroll" style={{ overflow: 'auto', maxHeight: 'calc(100vh - 260px)', minHeight: 420, border: '1px solid #f0f0f0', borderRadius: 8 }}>
      <div
        style={{ display: 'grid', gridTemplateColumns: `52px repeat(${days.length}, minmax(${days.length > 1 ? 128 : 320}px, 1fr))`, minWidth: 'min-content' }}
      >
        <div style={{ position: 'sticky', top: 0, left: 0, zIndex: 3, background: '#fafafa', borderBottom: '1px solid #f0f0f0' }} />
        {days.map((d) => (
          <div
            key={d}
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 2,
              background: '#fafafa',
              borderBottom: '1px solid #f0f0f0',
              borderLeft: '1px solid #f0f0f0',
              padding: '6px 8px',
              fontWeight: 600,
              textAlign: 'center',
              color: inProgram(d) ? undefined : '#bbb',
            }}
          >
            {dayHeading(d, lang)}
          </div>
        ))}
        <div style={{ position: 'sticky', left: 0, zIndex: 1, background: '#fff', height: GRID_HEIGHT }}>
          {HOURS.map((h) => (
            <div key={h} style={{ position: 'absolute', top: (h * 60 - DAY_START_MIN) * PX_PER_MIN - 7, right: 6, fontSize: 11, color: '#999' }}>
              {clock(h * 60)}
            </div>
          ))}
        </div>
        {days.map((d) => (
          <div
            key={d}
            data-day={d}
            onClick={(e) => clickSlot(e, d)}
            onDragOver={(e) => {
              if (!editable || !inProgram(d)) return;
              e.preventDefault();
              const target = dropTarget(e, d);
              if (target && (ghost?.date !== d || ghost.minutes !== target.minutes)) setGhost({ date: d, minutes: target.minutes, duration: target.duration });
            }}
            onDragLeave={(e) => {
              if (e.currentTarget === e.target) setGhost(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const target = dropTarget(e, d);
              setGhost(null);
              grab.current = null;
              if (target) props.onMove(target.session, d, target.minutes);
            }}
            style={{
              position: 'relative',
              height: GRID_HEIGHT,
              borderLeft: '1px solid #f0f0f0',
              backgroundImage: GRID_LINES,
              backgroundColor: inProgram(d) ? '#fff' : '#f7f7f7',
              cursor: editable && inProgram(d) ? 'copy' : 'default',
            }}
            title={inProgram(d) ? undefined : t('timetable.outsideProgram')}
          >
            {ghost?.date === d && (
              <div
                style={{
                  position: 'absolute',
                  left: 2,
                  right: 2,
                  top: (ghost.minutes - DAY_START_MIN) * PX_PER_MIN,
                  height: ghost.duration * PX_PER_MIN,
                  border: '2px dashed #1677ff',
                  borderRadius: 6,
                  pointerEvents: 'none',
                  zIndex: 5,
                  fontSize: 11,
                  color: '#1677ff',
                  padding: 2,
                }}
              >
                {clock(ghost.minutes)}
              </div>
            )}
            {placeDay(byDay.get(d) ?? []).map(({ item: s, top, height, lane, lanes }) => {
              const colors = TYPE_COLORS[s.type];
              const conflicted = conflictIds.has(s.id);
              const selected = selectedId === s.id;
              return (
                <Tooltip
                  key={s.id}
                  mouseEnterDelay={0.4}
                  title={
                    <div>
                      <div style={{ fontWeight: 600 }}>{s.title}</div>
                      <div>
                        {clockOf(s.startsAt)}–{clockOf(s.endsAt)} · {label('sessionType', s.type)} · {s.creditedHours} h
                      </div>
                      {s.venue && <div>{s.venue.name}</div>}
                      {s.instructors.length > 0 && <div>{s.instructors.map((i) => i.name).join('、')}</div>}
                      <div>{s.audienceLabel}</div>
                    </div>
                  }
                >
                  <div
                    role="button"
                    tabIndex={0}
                    data-session-id={s.id}
                    aria-label={`${s.title} ${clockOf(s.startsAt)}–${clockOf(s.endsAt)}`}
                    draggable={editable}
                    onDragStart={(e) => {
                      grab.current = { id: s.id, offsetPx: e.clientY - e.currentTarget.getBoundingClientRect().top };
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', String(s.id));
                    }}
                    onDragEnd={() => {
                      grab.current = null;
                      setGhost(null);
                    }}
                    onClick={() => props.onSelect(s)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') props.onSelect(s);
                    }}
                    style={{
                      position: 'absolute',
                      top,
                      height: height - 2,
                      left: `calc(${(lane / lanes) * 100}% + 2px)`,
                      width: `calc(${100 / lanes}% - 4px)`,
                      background: colors.bg,
                      borderLeft: `3px solid ${colors.border}`,
                      outline: conflicted ? '2px solid #ff4d4f' : selected ? '2px solid #1677ff' : undefined,
                      outlineOffset: -1,
                      boxShadow: selected ? '0 0 0 3px rgba(22,119,255,.25)' : '0 1px 2px rgba(0,0,0,.08)',
                      borderRadius: 4,
                      padding: height < 34 ? '0 4px' : '2px 4px',
                      overflow: 'hidden',
                      fontSize: 12,
                      lineHeight: '16px',
                      cursor: editable ? 'grab' : 'pointer',
                      zIndex: selected ? 4 : 1,
                    }}
                  >
                    <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {s.title}
                      {/* A short block has room for one line only: the time goes after the title. */}
                      {height < 34 && <span style={{ fontWeight: 400, color: '#555' }}> {clockOf(s.startsAt)}</span>}
                    </div>
                    <div
                      style={{ display: height < 34 ? 'none' : undefined, color: '#555', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
                    >
                      {clockOf(s.startsAt)}–{clockOf(s.endsAt)}
                      {lanes === 1 ? ` · ${label('sessionType', s.type)}` : ''}
                    </div>
                    {height > 40 && s.venue && (
                      <div style={{ color: '#777', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{s.venue.name}</div>
                    )}
                    {height > 56 && lanes === 1 && (
                      <div style={{ color: '#999', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{s.audienceLabel}</div>
                    )}
                  </div>
                </Tooltip>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
