// Program tab of the practicum feature (issue 4); placeholder until the feature lands.
export default function PracticumTab({ programId }: { programId: number }) {
  return <div data-program={programId} />;
}
