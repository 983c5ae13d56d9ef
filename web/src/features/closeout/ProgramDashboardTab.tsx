// Program detail tab (placeholder until the closeout feature fills it in).
export default function ProgramDashboardTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
