// Program tab of the formation feature (issue 4); placeholder until the feature lands.
export default function FormationTab({ programId }: { programId: number }) {
  return <div data-program={programId} />;
}
