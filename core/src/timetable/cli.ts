// Benchmark and scripting entry: `tsx core/src/timetable/cli.ts conflicts|metrics|ical < input.json`.
import { readObject, readSessions } from './cli-input.ts';
import { findConflicts, type ConflictOptions } from './conflicts.ts';
import { toICalendar } from './ical.ts';
import { curriculumMetrics, type CurriculumOptions, type CurriculumTargets } from './metrics.ts';

const USAGE = `usage: tsx core/src/timetable/cli.ts <command> < input.json
  conflicts  {"sessions":[…],"options"?:{"travelSpeedKmh","bufferMinutes","names"}} → {"conflicts":[…],"ms"}
  metrics    {"sessions":[…],"targets":{…},"options"?:{"onsiteTypes","excludeFromTotal"}} → {"metrics":{…},"ms"}
  ical       {"calendarName","sessions":[…],"uidDomain","now"} → the .ics text`;

const command = process.argv[2];
if (command !== 'conflicts' && command !== 'metrics' && command !== 'ical') {
  console.error(USAGE);
  process.exit(2);
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

try {
  const input = readObject(JSON.parse(Buffer.concat(chunks).toString('utf8')), 'input');
  const sessions = readSessions(input.sessions);
  const started = performance.now();
  // The shapes of options and targets are checked by the functions themselves where it matters (RangeError).
  if (command === 'conflicts') {
    const conflicts = findConflicts(sessions, (input.options ?? {}) as ConflictOptions);
    console.log(JSON.stringify({ conflicts, ms: Math.round(performance.now() - started) }));
  } else if (command === 'metrics') {
    const targets = readObject(input.targets ?? {}, 'targets') as CurriculumTargets;
    const metrics = curriculumMetrics(sessions, targets, (input.options ?? {}) as CurriculumOptions);
    console.log(JSON.stringify({ metrics, ms: Math.round(performance.now() - started) }));
  } else {
    const text = toICalendar({
      calendarName: typeof input.calendarName === 'string' ? input.calendarName : '对标 课表',
      sessions,
      uidDomain: typeof input.uidDomain === 'string' ? input.uidDomain : 'duibiao.local',
      now: typeof input.now === 'string' ? input.now : new Date().toISOString(),
    });
    process.stdout.write(text);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
