// S3 Qingdao → Shenzhen, issue 5 end to end: problem lists, topics and assignment, milestones and defences, external
// teams, interim reports and recommendations, and the temporary Party branch.
import { addDays } from '../dates.ts';
import { Rng } from '../prng.ts';
import { isPartyMember, orgsByCode, traineesOf, type Trx } from './common.ts';
import { COMMITTEE, seedBranch, type MeetingPlan } from './party.ts';
import { seedS3Landing } from './s3-landing.ts';
import { seedS3Externals, seedS3Milestones, type Users } from './s3-milestones.ts';
import { seedS3Problems } from './s3-problems.ts';
import { OWN_THEME, seedS3Topics } from './s3-topics.ts';

export const S3_RESULTS_SEED = 20_261_005;

export interface Program {
  id: number;
  startDate: string;
  endDate: string;
}

export async function seedS3Results(trx: Trx, program: Program, today: string, users: Map<string, number>): Promise<void> {
  const rng = new Rng(S3_RESULTS_SEED);
  const trainees = await traineesOf(trx, program.id);
  const orgs = await orgsByCode(trx, 'QD');
  const expertRow = await trx.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'qd_expert').executeTakeFirstOrThrow();
  const ownUser = await trx.selectFrom('users').select(['id', 'cadre_id']).where('username', '=', 'qd_trainee').executeTakeFirstOrThrow();
  const ownTrainee = trainees.findIndex((t) => t.cadreId === ownUser.cadre_id);
  if (ownTrainee < 0) throw new Error('demo results: qd_trainee is not enrolled in S3');
  const u: Users = {
    pm: users.get('qd_pm')!,
    expert: expertRow.id,
    expertName: expertRow.display_name,
    tutor: users.get('qd_tutor')!,
    own: ownUser.id,
    admin: users.get('qd_admin')!,
    snAdmin: users.get('sn_admin')!,
  };
  const ownCadre = ownUser.cadre_id!;

  const problems = await seedS3Problems(trx, { programId: program.id, today, trainees, ownTrainee, ownUserId: ownUser.id, orgs, pmId: u.pm, rng });
  const topics = await seedS3Topics(trx, {
    programId: program.id,
    today,
    startDate: program.startDate,
    trainees,
    ownTrainee,
    orgs,
    keyProblems: problems.keyProblems,
    pmId: u.pm,
    rng,
  });
  if (!topics.find((t) => t.theme === OWN_THEME)!.members.includes(ownCadre)) throw new Error('demo results: qd_trainee did not get their first-choice topic');
  const midterms = await seedS3Milestones(trx, { topics, today, startDate: program.startDate, endDate: program.endDate, users: u, ownCadre, rng });
  await seedS3Externals(trx, { topics, today, users: u, midterms });
  await seedS3Landing(trx, { programId: program.id, today, topics, orgs, users: u, ownCadre });
  await seedS3Branch(trx, program, today, trainees, u, rng);
}

const KIND_GROUPS: Record<string, string> = { enterprise: '企业', agency: '机关', institution: '事业单位', park: '园区' };

/** Formed a week before departure; 党小组 by the kind of host unit, the enterprise cluster split in two. */
async function seedS3Branch(trx: Trx, program: Program, today: string, trainees: Awaited<ReturnType<typeof traineesOf>>, u: Users, rng: Rng) {
  const hosts = await trx
    .selectFrom('placements as p')
    .innerJoin('host_units as h', 'h.id', 'p.host_unit_id')
    .select(['p.cadre_id', 'h.kind', 'h.name'])
    .where('p.program_id', '=', program.id)
    .execute();
  const hostOf = new Map(hosts.map((h) => [h.cadre_id, h]));
  const party = trainees.filter((t) => isPartyMember(t.politicalStatus));
  const ordered = [...party].sort((a, b) => {
    const ha = hostOf.get(a.cadreId);
    const hb = hostOf.get(b.cadreId);
    return (ha?.kind ?? '').localeCompare(hb?.kind ?? '') || (ha?.name ?? '').localeCompare(hb?.name ?? '') || a.cadreId - b.cadreId;
  });
  const enterprises = ordered.filter((t) => hostOf.get(t.cadreId)?.kind === 'enterprise');
  const groupOf = (cadreId: number) => {
    const kind = hostOf.get(cadreId)?.kind ?? 'agency';
    if (kind !== 'enterprise') return `${KIND_GROUPS[kind] ?? '机关'}党小组`;
    return enterprises.findIndex((t) => t.cadreId === cadreId) < enterprises.length / 2 ? '企业第一党小组' : '企业第二党小组';
  };
  // The class monitor (班长) leads the branch when a Party member; the committee comes from across the groups.
  const monitor = party.find((t) => t.roles.includes('monitor'));
  const committee = [...(monitor ? [monitor] : []), ...rng.shuffle(party.filter((t) => t !== monitor)).slice(0, monitor ? 4 : 5)];
  const members = party.map((t) => ({
    cadreId: t.cadreId,
    role: committee.includes(t) ? COMMITTEE[committee.indexOf(t)]! : ('member' as const),
    group: groupOf(t.cadreId),
  }));
  const committeeIds = committee.map((t) => t.cadreId);
  const s = program.startDate;
  const groups = [...new Set(members.map((m) => m.group))].sort();
  const all: MeetingPlan[] = [
    {
      kind: 'member_assembly',
      on: addDays(s, -7),
      title: '临时党支部成立大会暨第一次党员大会',
      location: '青岛市委党校报告厅',
      agenda: '宣读成立临时党支部的批复；选举支部委员会；部署实训期间党建工作',
      minutes: '会议宣布临时党支部成立，选举产生支部委员会，明确实训期间组织生活制度和纪律要求。',
      attendees: null,
    },
    ...[3, 33].map((d, i) => ({
      kind: 'committee' as const,
      on: addDays(s, d),
      title: i === 0 ? '支委会：研究实训期间党建工作安排' : '支委会：研究中期答辩和主题党日安排',
      location: '深圳市委党校学员活动室',
      agenda: i === 0 ? '划分党小组；确定月度组织生活计划' : '通报课题进展；研究主题党日方案；安排中期答辩保障',
      minutes: i === 0 ? '按实训单位类型划分党小组，明确各党小组长，建立每月组织生活台账。' : '会议听取各课题组进展，确定主题党日参观深圳改革开放展览馆。',
      attendees: committeeIds,
    })),
    {
      kind: 'party_lecture',
      on: addDays(s, 14),
      title: '党课：从深圳改革开放实践中汲取奋进力量',
      location: '深圳市委党校报告厅',
      agenda: '支部书记讲党课；交流学习体会',
      minutes: '支部书记结合实训所见所闻讲授党课，学员交流对标深圳、服务青岛的思考。',
      attendees: null,
    },
    ...groups.map((g) => ({
      kind: 'group' as const,
      on: addDays(s, 18),
      title: `${g}会：交流实训体会`,
      location: '深圳实训单位会议室',
      agenda: '每人交流两周实训体会；梳理调研问题',
      minutes: `${g}成员逐一交流实训体会，汇总需要支部协调的问题 3 项。`,
      attendees: members.filter((m) => m.group === g).map((m) => m.cadreId),
    })),
    {
      kind: 'theme_day',
      on: addDays(s, 28),
      title: '主题党日：参观深圳改革开放展览馆',
      location: '深圳改革开放展览馆',
      agenda: '参观展览；重温入党誓词；座谈交流',
      minutes: '全体党员参观展览，重温入党誓词，座谈中大家表示要把深圳经验带回青岛。',
      attendees: null,
    },
    {
      kind: 'member_assembly',
      on: addDays(s, 38),
      title: '党员大会：实训中期学习交流',
      location: '深圳市委党校报告厅',
      agenda: '支委会通报中期情况；课题组代表交流；部署下阶段工作',
      minutes: '会议通报实训中期情况和课题进展，4 个课题组代表作交流发言。',
      attendees: null,
    },
  ];
  const meetings = all.filter((m) => m.on <= today);
  await seedBranch(
    trx,
    {
      programId: program.id,
      name: '青岛市第三批赴深圳体悟实训临时党支部',
      formedOn: addDays(s, -7),
      note: '经市委组织部批准成立，实训期间组织关系不转接，学员党员参加临时党支部组织生活。',
      members,
      meetings,
      createdBy: u.tutor,
    },
    rng,
  );
}
