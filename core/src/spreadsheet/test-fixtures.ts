// Test-only: deterministic Chinese roster data and hand-made xlsx packages for the reader's tests.
import { makeIdNumber } from '../idcard/id-number.ts';
import { buildZip } from './test-zip.ts';

export const ROSTER_HEADER = ['序号', '姓名', '性别', '出生年月', '身份证号', '工作单位', '职务', '职级', '手机'] as const;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来缪苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽斌彬鹏辉栋梁鑫淼垚𠮷𡈼',
];
const UNITS = [
  '青岛市市南区人民政府办公室',
  '青岛市市北区发展和改革局',
  '青岛市黄岛区财政局',
  '青岛市崂山区教育和体育局',
  '青岛市李沧区卫生健康局',
  '青岛市城阳区农业农村局',
  '青岛市即墨区自然资源局',
  '胶州市生态环境局',
  '平度市市场监督管理局',
  '莱西市应急管理局',
  '青岛西海岸新区管理委员会',
  '中共青岛市委组织部干部一处',
  '青岛市人力资源和社会保障局（公务员局）',
];
const POSITIONS = [
  '科长',
  '副科长',
  '主任科员',
  '副主任科员',
  '处长',
  '副处长',
  '局长',
  '副局长',
  '党组书记、局长',
  '办公室主任',
  '四级调研员',
  '一级主任科员',
  '街道党工委副书记、办事处主任',
];
const RANKS = ['乡科级正职', '乡科级副职', '县处级正职', '县处级副职', '一级主任科员及以下', '厅局级副职', '二级调研员'];
const REGIONS = ['370202', '370203', '370211', '370212', '370213', '370214', '370215', '370281', '370283', '370285'];

/** Small seeded PRNG so the fixture is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One roster row as written: 序号 is a number, everything else text (as a careful clerk would set it). */
export type RosterFixtureRow = [number, string, string, string, string, string, string, string, string];

/** The `i`-th (0-based) row of a deterministic roster; cheap enough to recompute while verifying. */
export function rosterFixtureRows(count: number, seed = 42): RosterFixtureRow[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rows: RosterFixtureRow[] = [];
  for (let i = 0; i < count; i++) {
    const year = 1960 + Math.floor(random() * 40);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const seq = Math.floor(random() * 1000);
    const givenLength = 1 + Math.floor(random() * 2);
    let name = pick(SURNAMES);
    for (let k = 0; k < givenLength; k++) name += pick(GIVEN);
    rows.push([
      i + 1,
      name,
      seq % 2 === 1 ? '男' : '女',
      `${year}.${String(month).padStart(2, '0')}`,
      makeIdNumber(pick(REGIONS), birth, seq),
      pick(UNITS),
      pick(POSITIONS),
      pick(RANKS),
      `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    ]);
  }
  return rows;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Parts of a hand-made xlsx; sheets are `sheetData` inner XML keyed by zip path. */
export type MiniXlsx = {
  sheets: { name: string; path: string; sheetData: string }[];
  /** Raw `<si>` elements; omitted = no sharedStrings part. */
  sharedStrings?: string[];
  /** Target form used in workbook.xml.rels: relative (`worksheets/sheet1.xml`) or absolute (`/xl/…`). */
  absoluteTargets?: boolean;
  /** Store parts uncompressed. */
  store?: boolean;
};

/** Builds a minimal but valid xlsx package as zip bytes. */
export function miniXlsx(spec: MiniXlsx): Buffer {
  const sheetEntries = spec.sheets.map((sheet, i) => ({ ...sheet, id: `rId${i + 1}` }));
  const target = (path: string) => (spec.absoluteTargets ? `/${path}` : path.replace(/^xl\//, ''));
  const rels = sheetEntries.map((s) => `<Relationship Id="${s.id}" Type="${REL_TYPE}/worksheet" Target="${target(s.path)}"/>`);
  if (spec.sharedStrings) {
    rels.push(`<Relationship Id="rIdSs" Type="${REL_TYPE}/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/>`);
  }
  const files = [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${sheetEntries
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="${s.id}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    },
    ...sheetEntries.map((s) => ({
      name: s.path,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>${s.sheetData}</sheetData></worksheet>`,
    })),
  ];
  if (spec.sharedStrings) {
    files.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}" count="${spec.sharedStrings.length}">${spec.sharedStrings.join('')}</sst>`,
    });
  }
  return buildZip(files.map((f) => ({ ...f, store: spec.store })));
}
