// Program tab of the selection feature (issue 4); placeholder until the feature lands.
export default function SelectionTab({ programId }: { programId: number }) {
  return <div data-program={programId} />;
}
