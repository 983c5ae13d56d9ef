// The demo org tree: real provinces, cities, districts, streets and towns of the five source programs.
// Villages and communities are named after the sources where they give names, otherwise plausibly.
import { enterprise, group, institution, organs, region, township, village, type OrgSpec } from './org-tree.ts';

/** S3 — Qingdao sends cadres from city organs, SOEs and districts to Shenzhen. */
function qingdao(): OrgSpec {
  return region('QD', '青岛市', '370200', [
    group('SZ', '市直机关', [
      ...organs(['ZZB', 'FGW', 'SWJ', 'KJJ', 'GXJ', 'CZJ', 'JRJ', 'GZW', 'ZRJ'], '青岛市', '市', true),
      institution('DX', '中共青岛市委党校', '市委党校', '校长', ['经济学教研部', '党史党建教研部', '公共管理教研部'], ['党建', '经济管理', '教育培训']),
      institution('GHY', '青岛市城市规划设计研究院', '市规划院', '院长', ['规划一所', '交通规划所', '城市更新所'], ['城市规划', '城乡建设']),
      enterprise('GX', '青岛国信发展（集团）有限责任公司', '国信集团', ['投资发展部', '资本运营部', '战略发展部'], ['国资国企', '金融', '产业发展']),
      enterprise('CT', '青岛城市建设投资（集团）有限责任公司', '城投集团', ['投资发展部', '融资管理部', '城市更新事业部'], ['国资国企', '金融', '城乡建设']),
      enterprise('HF', '青岛海发国有资本投资运营集团有限公司', '海发集团', ['战略投资部', '产业发展部', '风险管理部'], ['国资国企', '产业发展', '金融']),
    ]),
    region('SN', '市南区', '370202', [
      group('QZ', '区直机关', organs(['ZZB', 'FGW', 'SWJ', 'KJJ', 'MZJ', 'SCJ'], '市南区', '区', false)),
      township('BDG', '八大关街道', [village('TPJ', '太平角社区'), village('HQ', '汇泉社区')]),
      township('XGZL', '香港中路街道', [village('DHL', '东海路社区'), village('YEDL', '燕儿岛路社区')]),
      township('JSL', '江苏路街道', [village('LSL', '龙山路社区')]),
      township('BDX', '八大峡街道'),
      township('JML', '金门路街道'),
    ]),
    region('SB', '市北区', '370203', [
      group('QZ', '区直机关', organs(['ZZB', 'FGW', 'SWJ', 'GXJ', 'ZJJ'], '市北区', '区', false)),
      township('TD', '台东街道', [village('WHL', '威海路社区')]),
      township('LNL', '辽宁路街道'),
      township('DZL', '登州路街道'),
      township('FSXQ', '浮山新区街道'),
    ]),
    region('LS', '崂山区', '370212', [
      group('QZ', '区直机关', organs(['ZZB', 'FGW', 'KJJ', 'SWJ', 'NYJ'], '崂山区', '区', false)),
      township('SZK', '沙子口街道', [village('DMY', '东麦窑社区'), village('DY', '登瀛社区')]),
      township('WGZ', '王哥庄街道', [village('QS', '青山社区'), village('XW', '晓望社区')]),
      township('BZ', '北宅街道'),
      township('ZH', '中韩街道'),
      township('JJL', '金家岭街道'),
    ]),
    region(
      'HD',
      '西海岸新区（黄岛区）',
      '370211',
      [
        group('QZ', '区直机关', organs(['ZZB', 'FGW', 'SWJ', 'GXJ', 'NYJ'], '黄岛区', '区', false)),
        township('CJL', '长江路街道'),
        township('HD', '黄岛街道'),
        township('XA', '辛安街道'),
        township('LSW', '灵山卫街道'),
        township('LY', '琅琊镇', [village('TXT', '台西头村')]),
      ],
      { shortName: '西海岸新区', prefix: '黄岛区' },
    ),
  ]);
}

/** S2 and S5 — Dalian's young-cadre classes ran in four counties; the 鸿雁联盟 workstation sits in the city. */
function dalian(): OrgSpec {
  return region('DL', '大连市', '210200', [
    group('SZ', '市直机关', [
      ...organs(['ZZB', 'FGW', 'YSJ', 'GXJ', 'SWJ', 'ZJJ', 'NYJ', 'GSL'], '大连市', '市', true),
      institution('DX', '中共大连市委党校', '市委党校', '校长', ['经济学教研部', '党建教研部', '社会和生态文明教研部'], ['党建', '经济管理', '教育培训']),
      institution('RCZX', '大连市人才服务中心', '市人才服务中心', '主任', ['人才咨询服务部', '人才开发部'], ['人才工作']),
    ]),
    region('WFD', '瓦房店市', '210281', [
      group('SZ', '市直机关', organs(['ZZB', 'FGW', 'GXJ', 'SWJ', 'ZJJ', 'NYJ', 'MZJ', 'SCJ'], '瓦房店市', '市', false)),
      township('GJ', '共济街道', [village('GJ', '共济社区'), village('XH', '兴华社区')]),
      township('LD', '岭东街道', [village('LD', '岭东社区')]),
      township('WL', '文兰街道'),
      township('FZC', '复州城镇', [village('CB', '城北村'), village('BL', '八里村')]),
      township('LG', '李官镇', [village('SL', '胜利村'), village('LG', '李官村')]),
      township('XT', '谢屯镇', [village('HY', '海洋村')]),
      township('ST', '三台满族乡', [village('ST', '三台村'), village('DG', '东岗村')], { minority: true }),
    ]),
    region('ZH', '庄河市', '210283', [
      group('SZ', '市直机关', organs(['ZZB', 'FGW', 'GXJ', 'SWJ', 'ZJJ', 'NYJ', 'MZJ', 'SCJ'], '庄河市', '市', false)),
      township('CG', '城关街道', [village('CG', '城关社区')]),
      township('CS', '昌盛街道', [village('CS', '昌盛社区')]),
      township('XH', '新华街道'),
      township('QD', '青堆镇', [village('QD', '青堆村')]),
      township('HHS', '荷花山镇', [village('WY', '万亿村')]),
      township('AZS', '鞍子山乡', [village('SHF', '山海丰村')]),
      township('GYH', '桂云花满族乡', [village('LD', '岭东村')], { minority: true }),
      township('DY', '大营镇', [village('DY', '大营村')]),
    ]),
    region('PLD', '普兰店区', '210214', [
      group('QZ', '区直机关', organs(['ZZB', 'FGW', 'GXJ', 'SWJ', 'ZJJ', 'NYJ', 'MZJ', 'SCJ'], '普兰店区', '区', false)),
      township('TX', '铁西街道', [village('HES', '花儿山社区')]),
      township('NS', '南山街道', [village('LD', '李店社区')]),
      township('YSF', '杨树房街道', [village('ZJ', '战家村')]),
      township('PK', '皮口街道', [village('PK', '皮口村')]),
      township('CZT', '城子坦街道', [village('CZT', '城子坦村')]),
      township('FR', '丰荣街道'),
    ]),
    region('CH', '长海县', '210224', [
      group('XZ', '县直机关', organs(['ZZB', 'FGW', 'GXJ', 'SWJ', 'ZJJ', 'NYJ', 'MZJ', 'SCJ'], '长海县', '县', false)),
      township('DCS', '大长山岛镇', [village('CG', '城关村'), village('YJ', '杨家村'), village('SP', '三盘村')]),
      township('XCS', '小长山乡', [village('HL', '回龙村')]),
      township('GL', '广鹿乡', [village('LT', '柳条村'), village('SJ', '沙尖村')]),
      township('ZZD', '獐子岛镇', [village('SB', '沙包村')]),
      township('HY', '海洋乡', [village('HY', '海洋村')]),
    ]),
  ]);
}

/** S1 — Harbin's 道里区 sent 29 front-line cadres to Shenzhen. */
function harbin(): OrgSpec {
  return region('HRB', '哈尔滨市', '230100', [
    group('SZ', '市直机关', organs(['ZZB', 'FGW'], '哈尔滨市', '市', true)),
    region('DLQ', '道里区', '230102', [
      group('QZ', '区直机关', [
        ...organs(['ZZB', 'FGW', 'ZSJ', 'SCJ', 'SWJ', 'KJJ', 'ZJJ', 'CZJ'], '道里区', '区', false),
        institution('ZYDJ', '道里区中央大街管理处', '中央大街管理处', '处长', ['综合科', '商业管理科'], ['文化旅游', '城市规划']),
      ]),
      township('ZL', '兆麟街道'),
      township('SZ', '尚志街道'),
      township('SDL', '斯大林街道'),
      township('XYL', '新阳路街道'),
      township('QL', '群力街道'),
      township('AJ', '安静街道'),
      township('GX', '顾乡街道'),
      township('XF', '新发镇'),
      township('TP', '太平镇'),
    ]),
  ]);
}

/** S4 — Shangqiu's ten follow-along cadres came from these units (as the source lists them). */
function shangqiu(): OrgSpec {
  return region('SQ', '商丘市', '411400', [
    group('SZ', '市直机关', [
      ...organs(['ZZB', 'FGW', 'SFJ', 'XCJ', 'GXJ'], '商丘市', '市', true),
      institution('ZYJS', '商丘职业技术学院', '商丘职院', '院长', ['团委', '教务处'], ['教育培训', '科技创新']),
    ]),
    region('LY', '梁园区', '411402', [group('QZ', '区直机关', organs(['ZZB'], '梁园区', '区', false)), township('WL', '王楼乡')]),
    region('SY', '睢阳区', '411403', [group('QZ', '区直机关', organs(['ZZB', 'XCB'], '睢阳区', '区', false)), township('GC', '古城街道')]),
    region('NL', '宁陵县', '411423', [
      group('XZ', '县直机关', [
        ...organs(['ZZB'], '宁陵县', '县', false),
        institution('GHZX', '宁陵县城乡规划编研中心', '县规划编研中心', '主任', ['规划编研室'], ['城市规划', '城乡建设']),
      ]),
    ]),
    region('YC', '虞城县', '411425', [group('XZ', '县直机关', organs(['ZZB'], '虞城县', '县', false)), township('ZJ', '张集镇')]),
    region('YCS', '永城市', '411481', [
      group('SZ', '市直机关', [
        ...organs(['ZZB'], '永城市', '市', false),
        { code: 'ZF', name: '永城市人民政府', shortName: '市政府', kind: 'party_gov', head: '市长', tags: ['经济管理', '科技创新'] },
      ]),
      township('LH', '刘河镇'),
    ]),
  ]);
}

/** S6 — Keqiao's class wrote reflections (科技局, 平水镇, 柯桥街道 in the source). */
function shaoxing(): OrgSpec {
  return region('SX', '绍兴市', '330600', [
    group('SZ', '市直机关', organs(['ZZB'], '绍兴市', '市', true)),
    region('KQ', '柯桥区', '330603', [
      group('QZ', '区直机关', organs(['ZZB', 'FGW', 'KJJ', 'SWJ', 'ZRJ', 'ZJJ', 'GXJ'], '柯桥区', '区', false)),
      township('KQ', '柯桥街道', [village('DD', '大渡社区')]),
      township('KY', '柯岩街道'),
      township('HS', '华舍街道'),
      township('LT', '兰亭街道'),
      township('PS', '平水镇'),
      township('WT', '王坛镇'),
      township('JD', '稽东镇'),
    ]),
  ]);
}

/** Top-level nodes are provinces; there is no national root. */
export function orgSpecs(): OrgSpec[] {
  return [
    region('SD', '山东省', '370000', [qingdao()]),
    region('HA', '河南省', '410000', [shangqiu()]),
    region('LN', '辽宁省', '210000', [dalian()]),
    region('HL', '黑龙江省', '230000', [harbin()]),
    region('ZJ', '浙江省', '330000', [shaoxing()]),
  ];
}

/** Local-born cadres of city-level units get ID numbers from one of the city's districts. */
export const CITY_DISTRICT_CODES: Record<string, readonly string[]> = {
  QD: ['370202', '370203', '370211', '370212', '370213'],
  DL: ['210202', '210203', '210204', '210211', '210214', '210281', '210283'],
  HRB: ['230102', '230103', '230104'],
  SQ: ['411402', '411403', '411423', '411425', '411481'],
  SX: ['330602', '330603'],
};
