// Program tab of the placement feature (issue 4); placeholder until the feature lands.
export default function PlacementTab({ programId }: { programId: number }) {
  return <div data-program={programId} />;
}
