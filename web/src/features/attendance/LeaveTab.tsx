// Program detail tab (placeholder until the attendance feature fills it in).
export default function LeaveTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
