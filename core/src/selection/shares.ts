// Quota usage and the live shares of a selection: how many places each sending unit has used, and whether the
// approved cadres meet the grassroots target (e.g. 基层干部 52% ≥ 目标 50% ✓).

/** Statuses that hold one of the sending unit's places; rejected and withdrawn nominations give it back. */
export const QUOTA_HOLDING_STATUSES = ['submitted', 'unit_approved', 'approved', 'waitlisted'] as const;
/** Statuses still waiting for a decision (counted in the "with pending" share). */
export const PENDING_STATUSES = ['submitted', 'unit_approved'] as const;

export interface QuotaLike {
  id: number;
  quota: number;
}

export interface NominationLike {
  quotaId: number | null;
  status: string;
}

export interface QuotaUsage {
  quotaId: number;
  quota: number;
  used: number;
  remaining: number;
}

const holds = (status: string) => (QUOTA_HOLDING_STATUSES as readonly string[]).includes(status);

/** Used and remaining places per quota (remaining never below 0, even when the quota was lowered afterwards). */
export function quotaUsage(quotas: readonly QuotaLike[], nominations: readonly NominationLike[]): QuotaUsage[] {
  return quotas.map((q) => {
    const used = nominations.filter((n) => n.quotaId === q.id && holds(n.status)).length;
    return { quotaId: q.id, quota: q.quota, used, remaining: Math.max(q.quota - used, 0) };
  });
}

export interface ShareMember {
  status: string;
  grassroots: boolean;
  gender: string | null;
  age: number | null;
  unit: string;
}

export interface ShareReport {
  /** Approved cadres. */
  total: number;
  grassroots: number;
  /** grassroots / total, null with nobody approved. */
  share: number | null;
  target: number | null;
  /** Whether the approved meet the target; null without a target or without anybody approved. */
  meetsTarget: boolean | null;
  /** Approved plus those still pending (a preview of where the selection is heading). */
  withPending: { total: number; grassroots: number; share: number | null };
  male: number;
  female: number;
  averageAge: number | null;
  perUnit: { unit: string; count: number }[];
  /** One line for people, e.g. `基层干部 52% ≥ 目标 50% ✓`. */
  line: string;
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** Shares among approved members; `target` is the grassroots minimum share (0..1) or null. */
export function selectionShares(members: readonly ShareMember[], target: number | null): ShareReport {
  const approved = members.filter((m) => m.status === 'approved');
  const pending = members.filter((m) => m.status === 'approved' || (PENDING_STATUSES as readonly string[]).includes(m.status));
  const grassroots = approved.filter((m) => m.grassroots).length;
  const share = approved.length ? grassroots / approved.length : null;
  const pendingGrassroots = pending.filter((m) => m.grassroots).length;
  const ages = approved.map((m) => m.age).filter((a): a is number => a !== null);
  const units = new Map<string, number>();
  for (const m of approved) units.set(m.unit, (units.get(m.unit) ?? 0) + 1);
  const meetsTarget = target === null || share === null ? null : grassroots >= target * approved.length - 1e-9;
  let line: string;
  if (share === null) line = target === null ? '尚无批准人选' : `尚无批准人选（基层干部目标 ≥ ${pct(target)}）`;
  else if (target === null) line = `基层干部 ${pct(share)}`;
  else line = `基层干部 ${pct(share)} ${meetsTarget ? '≥' : '<'} 目标 ${pct(target)} ${meetsTarget ? '✓' : '✗'}`;
  return {
    total: approved.length,
    grassroots,
    share,
    target,
    meetsTarget,
    withPending: { total: pending.length, grassroots: pendingGrassroots, share: pending.length ? pendingGrassroots / pending.length : null },
    male: approved.filter((m) => m.gender === 'male').length,
    female: approved.filter((m) => m.gender === 'female').length,
    averageAge: ages.length ? Math.round((ages.reduce((a, b) => a + b, 0) / ages.length) * 10) / 10 : null,
    perUnit: [...units.entries()].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh')),
    line,
  };
}
