// Program detail tab (placeholder until the feedback feature fills it in).
export default function EvaluationsTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
