// Program detail tab (placeholder until the timetable feature fills it in).
export default function TimetableTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
