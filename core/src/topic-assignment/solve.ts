// Topic assignment: everyone placed within team sizes, minimum worst rank, then the lexicographically best rank
// profile. Binary search on the worst rank with a two-phase max-flow feasibility test, then one min-cost flow with
// lexicographic vector costs (see README.md for why this is exact).
import { FlowNetwork } from './flow-network.ts';
import type { TopicAssignmentInstance, TopicAssignmentResult } from './types.ts';

const SOURCE = 0;
const SINK = 1;

/** Rank lookups compiled once: per trainee, topic index → rank, and the rank given to unranked topics. */
interface Compiled {
  instance: TopicAssignmentInstance;
  topicIndex: Map<number, number>;
  rankOf: Map<number, number>[];
  unrankedRank: number[];
  allowUnranked: boolean;
  /** Largest rank any trainee can receive. */
  maxRank: number;
}

function compile(instance: TopicAssignmentInstance): Compiled {
  const topicIndex = new Map(instance.topics.map((t, i) => [t.id, i]));
  const allowUnranked = instance.allowUnranked ?? true;
  const rankOf = instance.trainees.map((t) => new Map(t.ranks.map((id, k) => [topicIndex.get(id)!, k + 1])));
  const unrankedRank = instance.trainees.map((t) => t.ranks.length + 1);
  let maxRank = 0;
  instance.trainees.forEach((t, i) => {
    const ranksAll = t.ranks.length === instance.topics.length;
    maxRank = Math.max(maxRank, allowUnranked && !ranksAll ? unrankedRank[i]! : t.ranks.length);
  });
  return { instance, topicIndex, rankOf, unrankedRank, allowUnranked, maxRank };
}

/**
 * The network for "worst rank ≤ limit": source → trainee (1) → topic (1, rank reward) or → shared hub of unranked
 * topics (1) → every topic; topic → sink twice: a floor arc of capacity min (rewarded first, so lower bounds are met
 * whenever possible) and a slack arc of capacity max − min. Hubs keep "any topic at rank L+1" at O(m) arcs per
 * distinct L instead of O(m) per trainee.
 */
function buildNetwork(c: Compiled, limit: number) {
  const { topics, trainees } = c.instance;
  const n = trainees.length;
  const m = topics.length;
  const hubRanks = c.allowUnranked ? [...new Set(c.unrankedRank.filter((r) => r <= limit))].sort((a, b) => a - b) : [];
  const traineeNode = (i: number) => 2 + i;
  const topicNode = (j: number) => 2 + n + hubRanks.length + j;
  const hubNode = new Map(hubRanks.map((r, h) => [r, 2 + n + h]));
  const network = new FlowNetwork(2 + n + hubRanks.length + m);
  const traineeArcs: number[][] = [];
  trainees.forEach((trainee, i) => {
    network.addArc(SOURCE, traineeNode(i), 1);
    const arcs: number[] = [];
    trainee.ranks.forEach((topicId, k) => {
      if (k + 1 <= limit) arcs.push(network.addArc(traineeNode(i), topicNode(c.topicIndex.get(topicId)!), 1, k + 2));
    });
    const hub = hubNode.get(c.unrankedRank[i]!);
    if (hub !== undefined && trainee.ranks.length < m) arcs.push(network.addArc(traineeNode(i), hub, 1, c.unrankedRank[i]! + 1));
    traineeArcs.push(arcs);
  });
  const hubArcs = hubRanks.map((r) => topics.map((_, j) => network.addArc(hubNode.get(r)!, topicNode(j), n)));
  const floorArcs = topics.map((t, j) => network.addArc(topicNode(j), SINK, t.min, 1));
  const slackArcs = topics.map((_, j) => network.addArc(topicNode(j), SINK, 0));
  const order = [SOURCE, ...trainees.map((_, i) => traineeNode(i)), ...hubNode.values(), ...topics.map((_, j) => topicNode(j)), SINK];
  return { network, traineeArcs, hubArcs, hubRanks, floorArcs, slackArcs, order, topicNode, traineeNode };
}

type Network = ReturnType<typeof buildNetwork>;

function openSlack(net: Network, topics: TopicAssignmentInstance['topics']): void {
  net.slackArcs.forEach((arc, j) => (net.network.cap[arc] = topics[j]!.max - topics[j]!.min));
}

/** Floors first, then slack: augmenting paths never lower a topic → sink flow, so filled floors stay filled. */
function feasibleFlow(c: Compiled, limit: number): { net: Network; floors: number; placed: number } {
  const net = buildNetwork(c, limit);
  const floors = net.network.maxFlow(SOURCE, SINK);
  // Floors short: stop here so the residual network still shows which floors cannot be met.
  if (floors < sum(c.instance.topics.map((t) => t.min))) return { net, floors, placed: floors };
  openSlack(net, c.instance.topics);
  const placed = floors + net.network.maxFlow(SOURCE, SINK);
  return { net, floors, placed };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const listIds = (ids: number[]) => (ids.length <= 8 ? ids.join('、') : `${ids.slice(0, 8).join('、')} 等 ${ids.length} 个`);

/** Why no assignment exists, in Chinese; each reason is a certificate (a counting or Hall-type argument). */
function infeasibilityReasons(c: Compiled): string[] {
  const { topics, trainees } = c.instance;
  const n = trainees.length;
  const reasons: string[] = [];
  const sumMin = sum(topics.map((t) => t.min));
  const sumMax = sum(topics.map((t) => t.max));
  if (sumMin > n) reasons.push(`课题最少人数合计 ${sumMin} 人，只有 ${n} 名学员`);
  if (sumMax < n) reasons.push(`课题最多人数合计 ${sumMax} 人，却有 ${n} 名学员`);
  const stranded = trainees.filter((t) => t.ranks.length === 0 && (!c.allowUnranked || topics.length === 0)).map((t) => t.id);
  if (stranded.length > 0 && topics.length > 0) reasons.push(`学员 ${listIds(stranded)} 没有填报任何课题，且不允许分配到未填报的课题`);
  if (reasons.length > 0) return reasons;

  const { net, floors, placed } = feasibleFlow(c, c.maxRank);
  if (floors < sumMin) {
    // Topics that can still reach the sink: their floors cannot all be met by the trainees able to join them.
    const reach = net.network.residualReach(SINK, 'reverse');
    const short = topics.flatMap((t, j) => (reach[net.topicNode(j)] ? [j] : []));
    const able = trainees.filter((_, i) => net.traineeArcs[i]!.some((arc) => reach[net.network.to[arc]!]));
    const need = sum(short.map((j) => topics[j]!.min));
    reasons.push(`课题 ${listIds(short.map((j) => topics[j]!.id))} 最少需要 ${need} 人，但填报这些课题的学员只有 ${able.length} 人`);
  } else if (placed < n) {
    const reach = net.network.residualReach(SOURCE, 'forward');
    const stuck = trainees.filter((_, i) => reach[net.traineeNode(i)]).map((t) => t.id);
    const full = topics.flatMap((t, j) => (reach[net.topicNode(j)] ? [j] : []));
    const room = sum(full.map((j) => topics[j]!.max));
    reasons.push(
      `学员 ${listIds(stuck)} 可去的课题只有 ${full.length > 0 ? listIds(full.map((j) => topics[j]!.id)) : '（无）'}，最多容纳 ${room} 人，少于这 ${stuck.length} 名学员`,
    );
  }
  return reasons;
}

const infeasible = (reasons: string[]): TopicAssignmentResult => ({ status: 'infeasible', assignments: [], worstRank: 0, profile: [], reasons });

/** Solves a valid instance (see `validateTopicInstance`). Deterministic: same instance, same answer. */
export function assignTopics(instance: TopicAssignmentInstance): TopicAssignmentResult {
  const c = compile(instance);
  const { topics, trainees } = instance;
  const n = trainees.length;
  if (n === 0) {
    const sumMin = sum(topics.map((t) => t.min));
    return sumMin > 0
      ? infeasible([`课题最少人数合计 ${sumMin} 人，只有 0 名学员`])
      : { status: 'ok', assignments: [], worstRank: 0, profile: [], reasons: [] };
  }
  const reasons = infeasibilityReasons(c);
  if (reasons.length > 0) return infeasible(reasons);

  const sumMin = sum(topics.map((t) => t.min));
  const feasible = (limit: number) => {
    const { floors, placed } = feasibleFlow(c, limit);
    return floors === sumMin && placed === n;
  };
  let low = 1;
  let high = c.maxRank; // feasible, established above
  while (low < high) {
    const mid = (low + high) >> 1;
    if (feasible(mid)) high = mid;
    else low = mid + 1;
  }

  // Components: 0 = floor seats filled, k = trainees at rank k; minimising rewards lexicographically maximises them.
  const net = buildNetwork(c, high);
  openSlack(net, topics);
  const flow = net.network.minCostMaxFlow(SOURCE, SINK, high + 1, net.order);
  if (flow !== n) throw new Error(`topic assignment: expected flow ${n}, got ${flow}`);
  return { status: 'ok', reasons: [], ...readAssignment(c, net) };
}

function readAssignment(c: Compiled, net: Network): Pick<TopicAssignmentResult, 'assignments' | 'worstRank' | 'profile'> {
  const { topics, trainees } = c.instance;
  const topicOfNode = (node: number) => node - net.topicNode(0);
  // Hub flow is split among its trainees in input order; at the optimum no hub trainee ranked a topic the hub feeds.
  const hubSeats = net.hubArcs.map((arcs) => arcs.flatMap((arc, j) => Array<number>(net.network.flowOn(arc)).fill(j)));
  const hubUsed = net.hubRanks.map(() => 0);
  const hubIndex = new Map(net.hubRanks.map((r, h) => [r, h]));
  const assignments = trainees.map((trainee, i) => {
    const arc = net.traineeArcs[i]!.find((a) => net.network.flowOn(a) > 0)!;
    const head = net.network.to[arc]!;
    let j: number;
    if (head >= net.topicNode(0)) j = topicOfNode(head);
    else {
      const h = hubIndex.get(c.unrankedRank[i]!)!;
      j = hubSeats[h]![hubUsed[h]!++]!;
    }
    const rank = c.rankOf[i]!.get(j) ?? c.unrankedRank[i]!;
    return { traineeId: trainee.id, topicId: topics[j]!.id, rank };
  });
  const worstRank = assignments.reduce((w, a) => Math.max(w, a.rank), 0);
  const profile = Array<number>(worstRank).fill(0);
  for (const a of assignments) profile[a.rank - 1]!++;
  return { assignments, worstRank, profile };
}
