// Duplicate groups: what curators see (members, score, shared terms), average linkage against chaining, speed at 2,000.
import { describe, expect, it } from 'vitest';
import { Corpus } from './corpus.ts';
import { duplicateGroups } from './duplicates.ts';

describe('duplicateGroups', () => {
  const docs = [
    { id: 'a', text: '如何发展壮大村级集体经济？' },
    { id: 'b', text: '村级集体经济怎样发展壮大？' },
    { id: 'c', text: '发展壮大村集体经济有哪些路径？' },
    { id: 'd', text: '青年人才住房保障怎么做？' },
    { id: 'e', text: '海洋牧场建设' },
  ];

  it('groups paraphrases with the pair scores and shared terms, and leaves the rest out', () => {
    const groups = duplicateGroups(docs);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.members).toEqual(['a', 'b', 'c']);
    expect(group?.score).toBeGreaterThan(0.5);
    expect(group?.sharedTerms).toEqual(expect.arrayContaining(['集体经济', '发展壮大']));
    expect(group?.pairs[0]).toMatchObject({ a: 'a', b: 'b', score: 1, sharedTerms: expect.arrayContaining(['集体经济']) as unknown });
  });

  it('does not chain two different questions through a middle one', () => {
    // b resembles a and c about equally; a and c have nothing in common, so no group may hold all three.
    const chain = [
      { id: 'a', text: '产业园区运营 招商引资' },
      { id: 'b', text: '招商引资 人才引进' },
      { id: 'c', text: '人才引进 住房保障' },
    ];
    for (const group of duplicateGroups(chain, { threshold: 0.2 })) expect(group.members).not.toEqual(['a', 'b', 'c']);
  });

  it('proposes nothing when the threshold is above every pair, and accepts a prebuilt corpus', () => {
    expect(duplicateGroups(docs, { threshold: 1.01 })).toEqual([]);
    expect(duplicateGroups(new Corpus(docs))[0]?.members).toEqual(['a', 'b', 'c']);
  });

  it('groups 2,000 generated questions in under 2 seconds', () => {
    // Ten slots of varied vocabulary, so that — as in a real problem list — most questions have few near neighbours.
    const places = ['深圳', '青岛', '大连', '前海', '西海岸新区', '金普新区', '南山区', '福田区', '崂山区', '市南区', '甘井子区', '即墨区'];
    const subjects = ['招商引资', '营商环境', '城市更新', '乡村振兴', '科技金融', '人才引进', '数字政府', '基层治理', '国企改革', '产业园区'];
    const subjects2 = ['海洋经济', '港口物流', '文化旅游', '养老服务', '教育医疗', '生态环保', '安全生产', '应急管理', '双碳目标', '对外开放'];
    const verbs = ['优化', '壮大', '盘活', '吸引', '规范', '打通', '激励', '完善', '压缩', '培育', '引导', '保障', '改造', '评估', '监管'];
    const objects = ['中小企业', '老旧小区', '集体经济', '创投基金', '青年人才', '政务数据', '网格员', '混合所有制', '工业用地', '审批流程'];
    const objects2 = ['专精特新', '总部企业', '城中村', '农产品品牌', '知识产权', '人才公寓', '一网通办', '物业服务', '职业经理人', '标准厂房'];
    const frames = ['有哪些做法', '怎么办', '有什么经验', '如何破解', '值得借鉴吗', '难点在哪里'];
    let seed = 20_240_901;
    // mulberry32: deterministic and well spread, unlike a float LCG.
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
    const subject = () => (random() < 0.5 ? pick(subjects) : pick(subjects2));
    const object = () => (random() < 0.5 ? pick(objects) : pick(objects2));
    const questions = Array.from({ length: 2000 }, (_, i) => ({
      id: `g${i}`,
      text: `${pick(places)}在${subject()}中如何${pick(verbs)}${object()}，${pick(verbs)}${object()}${pick(frames)}？`,
    }));
    const started = performance.now();
    const groups = duplicateGroups(questions);
    const elapsed = performance.now() - started;
    console.log(`duplicateGroups on 2,000 questions: ${Math.round(elapsed)} ms, ${groups.length} groups`);
    expect(elapsed).toBeLessThan(2000);
  });
});
