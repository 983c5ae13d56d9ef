// Program detail tab (placeholder until the hours feature fills it in).
export default function ProgramHoursTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
