// Text runs from the search API, with the hits wrapped in <mark>.
import type { TextSegment } from '@duibiao/contracts';

export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} style={{ background: '#ffe58f', padding: '0 1px', borderRadius: 2 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
