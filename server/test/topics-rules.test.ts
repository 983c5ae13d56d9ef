// Pure rules of the topics module: transitions, the bidding deadline, the lead choice, readable solver reasons.
import { describe, expect, it } from 'vitest';
import { biddingOpen, canMove, chooseLead, nameReasons } from '../src/modules/topics/topics.rules.ts';

describe('topics rules', () => {
  it('allows only the lifecycle moves', () => {
    expect(canMove('draft', 'bidding')).toBe(true);
    expect(canMove('bidding', 'assigned')).toBe(true);
    expect(canMove('assigned', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'completed')).toBe(true);
    expect(canMove('draft', 'in_progress')).toBe(false);
    expect(canMove('in_progress', 'bidding')).toBe(false);
    expect(canMove('completed', 'draft')).toBe(false);
  });

  it('keeps bidding open through the closing day, not after', () => {
    expect(biddingOpen('bidding', '2026-11-30', '2026-11-30')).toBe(true);
    expect(biddingOpen('bidding', '2026-11-29', '2026-11-30')).toBe(false);
    expect(biddingOpen('draft', '2026-12-30', '2026-11-30')).toBe(false);
  });

  it('makes the best-ranked, then longest-serving member the lead', () => {
    const lead = chooseLead([
      { cadreId: 3, rank: 2, workStart: '1990-01-01' },
      { cadreId: 2, rank: 1, workStart: '2010-01-01' },
      { cadreId: 1, rank: 1, workStart: '2005-01-01' },
    ]);
    expect(lead?.cadreId).toBe(1);
    expect(chooseLead([])).toBeUndefined();
  });

  it('names topics and trainees in the core solver reasons', () => {
    const topics = new Map([
      [3, '招商'],
      [5, '人才'],
    ]);
    const cadres = new Map([[12, '李晓梅']]);
    expect(
      nameReasons(
        [
          '课题 3、5 最少需要 6 人，但填报这些课题的学员只有 4 人',
          '学员 12 可去的课题只有 3，最多容纳 1 人，少于这 2 名学员',
          '课题最少人数合计 30 人，只有 25 名学员',
        ],
        topics,
        cadres,
      ),
    ).toEqual([
      '课题《招商》、《人才》 最少需要 6 人，但填报这些课题的学员只有 4 人',
      '学员李晓梅 可去的课题只有《招商》，最多容纳 1 人，少于这 2 名学员',
      '课题最少人数合计 30 人，只有 25 名学员',
    ]);
  });
});
