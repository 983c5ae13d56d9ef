// Realistic Chinese personal names and ethnicities for demo cadres, weighted like the population.
import type { Gender } from '@duibiao/contracts';
import type { Rng } from './prng.ts';

/** Common surnames with rough relative frequencies (the top ~100 cover most of the population). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 70],
  ['张', 66],
  ['刘', 53],
  ['陈', 46],
  ['杨', 32],
  ['赵', 20],
  ['黄', 20],
  ['周', 18],
  ['吴', 18],
  ['徐', 15],
  ['孙', 15],
  ['胡', 11],
  ['朱', 11],
  ['高', 10],
  ['林', 10],
  ['何', 10],
  ['郭', 10],
  ['马', 9],
  ['罗', 7],
  ['梁', 7],
  ['宋', 7],
  ['郑', 7],
  ['谢', 6],
  ['韩', 6],
  ['唐', 6],
  ['冯', 6],
  ['于', 6],
  ['董', 5],
  ['萧', 1],
  ['程', 5],
  ['曹', 5],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['傅', 4],
  ['沈', 4],
  ['曾', 4],
  ['彭', 4],
  ['吕', 4],
  ['苏', 4],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['贾', 3],
  ['丁', 3],
  ['魏', 3],
  ['薛', 3],
  ['叶', 3],
  ['阎', 2],
  ['余', 3],
  ['潘', 3],
  ['杜', 3],
  ['戴', 2],
  ['夏', 2],
  ['钟', 2],
  ['汪', 2],
  ['田', 2],
  ['任', 2],
  ['姜', 3],
  ['范', 2],
  ['方', 2],
  ['石', 2],
  ['姚', 2],
  ['谭', 2],
  ['廖', 2],
  ['邹', 2],
  ['熊', 2],
  ['金', 2],
  ['陆', 2],
  ['郝', 2],
  ['孔', 2],
  ['白', 2],
  ['崔', 2],
  ['康', 2],
  ['毛', 2],
  ['邱', 2],
  ['秦', 2],
  ['江', 2],
  ['史', 2],
  ['顾', 2],
  ['侯', 2],
  ['邵', 2],
  ['孟', 2],
  ['龙', 1],
  ['万', 1],
  ['段', 1],
  ['雷', 1],
  ['钱', 1],
  ['汤', 1],
  ['尹', 1],
  ['黎', 1],
  ['易', 1],
  ['常', 1],
  ['武', 1],
  ['乔', 1],
  ['贺', 1],
  ['赖', 1],
  ['龚', 1],
  ['文', 1],
  ['牛', 1],
  ['葛', 1],
  ['宁', 1],
  ['曲', 1],
  ['隋', 1],
  ['欧阳', 0.4],
  ['司马', 0.1],
];

// Given names: a first character and a second one, each from characters usual in that position.
const MALE_FIRST = [...'建志国永德文俊明晓子宏海春立振家嘉天浩宇泽博成思一鸿晨云新世兆金长'];
const MALE_SECOND = [...'伟强磊军杰涛超刚平辉鹏华飞鑫波斌宇浩凯健帆旭龙林峰晨阳博东亮松毅威彬翔昊然睿哲锐轩铭航宏良兵锋胜武坤勇明'];
const FEMALE_FIRST = [...'晓佳雨梦思欣雅婉丽文春秋玉秀静慧嘉一子心海美紫若诗'];
const FEMALE_SECOND = [...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳晶倩洁红梅莉萍璐瑶怡欣悦琪月婧媛蓉丹妍菲瑾雯岚露琦娇楠'];

/** People named in the source articles; generated names avoid them so no record reads as a real person. */
const REAL_PEOPLE = new Set([
  '洪明',
  '冯延平',
  '朱立杰',
  '曲军',
  '魏传利',
  '李一平',
  '李凤岐',
  '苑小丰',
  '王兆宝',
  '蒋宝春',
  '王清宪',
  '赵发海',
  '沈关祥',
  '高波',
  '冯华林',
  '沈志江',
  '李军',
  '黄英杰',
  '丁慧',
  '牛子健',
  '掌晋铭',
  '梁靖松',
  '徐永超',
  '马卓昊',
  '甘庆庆',
  '冯苏蒙',
  '张家诚',
  '李凤虎',
  '刘梦珂',
  '吕丽',
  '李钢',
  '赵波',
  '沈俊霖',
  '王凯',
  '李恒',
]);

/** Share of each minority (per mille) by province code; the rest is 汉族. */
const MINORITY_PER_MILLE: Record<string, readonly (readonly [string, number])[]> = {
  '21': [
    ['满族', 70],
    ['回族', 8],
    ['朝鲜族', 6],
    ['蒙古族', 5],
  ],
  '23': [
    ['满族', 35],
    ['朝鲜族', 12],
    ['回族', 8],
    ['蒙古族', 4],
  ],
  '37': [
    ['回族', 8],
    ['满族', 3],
  ],
  '41': [
    ['回族', 12],
    ['满族', 2],
  ],
  '33': [
    ['畲族', 4],
    ['回族', 3],
  ],
};
/** Uyghur names (with the `·` separator) are rare in these provinces but should appear now and then. */
const UYGHUR_PER_MILLE = 3;

/** Picks an ethnicity for someone working in the given region; `minorityTownship` raises the 满族 share. */
export function pickEthnicity(rng: Rng, regionCode: string, minorityTownship = false): string {
  if (minorityTownship && rng.chance(0.4)) return '满族';
  let r = rng.int(0, 999);
  if (r < UYGHUR_PER_MILLE) return '维吾尔族';
  r -= UYGHUR_PER_MILLE;
  for (const [ethnicity, perMille] of MINORITY_PER_MILLE[regionCode.slice(0, 2)] ?? []) {
    if (r < perMille) return ethnicity;
    r -= perMille;
  }
  return '汉族';
}

const MANCHU_SURNAMES = ['关', '佟', '那', '赵', '付', '金', '吴', '王', '富', '白', '郎', '肇'];
const HUI_SURNAMES = ['马', '马', '马', '白', '海', '沙', '穆', '哈', '杨', '丁', '李'];
const KOREAN_SURNAMES = ['金', '金', '李', '朴', '朴', '崔', '郑', '申', '姜'];
const KOREAN_MALE = [...'哲成浩洙光日龙植载勋国万吉'];
const KOREAN_FEMALE = [...'英顺玉姬贞美花善春今兰淑'];
const MONGOL_SURNAMES = ['包', '白', '宝', '韩', '吴', '王', '鲍'];
const UYGHUR_MALE = ['买买提', '艾力', '阿不都', '吐尔逊', '艾尔肯', '努尔兰', '伊力哈木'];
const UYGHUR_FEMALE = ['阿依古丽', '古丽娜尔', '热依拉', '迪丽拜尔', '米热古丽', '再努尔'];
const UYGHUR_FATHER = ['艾力', '吐尔逊', '买买提', '阿不力孜', '热合曼', '玉素甫', '卡德尔'];

function hanGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  const [firsts, seconds] = gender === 'male' ? [MALE_FIRST, MALE_SECOND] : [FEMALE_FIRST, FEMALE_SECOND];
  // Single-character given names were commoner before the 1990s.
  const single = rng.chance(birthYear < 1985 ? 0.3 : 0.15);
  if (single) return rng.pick(seconds);
  const first = rng.pick(firsts);
  let second = rng.pick(seconds);
  for (let i = 0; i < 5 && second === first; i++) second = rng.pick(seconds);
  return first + second;
}

function nameFor(rng: Rng, gender: Gender, ethnicity: string, birthYear: number): string {
  switch (ethnicity) {
    case '维吾尔族':
      return `${rng.pick(gender === 'male' ? UYGHUR_MALE : UYGHUR_FEMALE)}·${rng.pick(UYGHUR_FATHER)}`;
    case '朝鲜族':
      return rng.pick(KOREAN_SURNAMES) + rng.pick(gender === 'male' ? KOREAN_MALE : KOREAN_FEMALE) + rng.pick(gender === 'male' ? KOREAN_MALE : KOREAN_FEMALE);
    case '满族':
      return (rng.chance(0.6) ? rng.pick(MANCHU_SURNAMES) : surname(rng)) + hanGivenName(rng, gender, birthYear);
    case '回族':
      return (rng.chance(0.7) ? rng.pick(HUI_SURNAMES) : surname(rng)) + hanGivenName(rng, gender, birthYear);
    case '蒙古族':
      return (rng.chance(0.6) ? rng.pick(MONGOL_SURNAMES) : surname(rng)) + hanGivenName(rng, gender, birthYear);
    default:
      return surname(rng) + hanGivenName(rng, gender, birthYear);
  }
}

function surname(rng: Rng): string {
  return rng.weighted(SURNAMES, ([, w]) => w)[0];
}

/** A name not yet in `taken` and not one of the real people in the sources; adds it to `taken`. */
export function uniqueName(rng: Rng, gender: Gender, ethnicity: string, birthYear: number, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = nameFor(rng, gender, ethnicity, birthYear);
    if (REAL_PEOPLE.has(name)) continue;
    // After many clashes accept a duplicate: namesakes are real life, an endless loop is not.
    if (!taken.has(name) || attempt > 50) {
      taken.add(name);
      return name;
    }
  }
}
