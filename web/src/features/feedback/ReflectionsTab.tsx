// Program detail tab (placeholder until the feedback feature fills it in).
export default function ReflectionsTab({ programId }: { programId: number }) {
  return <div data-program-id={programId} />;
}
