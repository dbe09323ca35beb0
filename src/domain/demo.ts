/**
 * Demo data for `kam init --demo`: a key-account department of one manager (经理), one clerk
 * (内勤) and regional specialists (专员), with two years and more of customers, visits,
 * contracts, plans, opportunities, complaints, feedback, expenses, surveys and the clerk's
 * assessments, ending at the as-of date.
 *
 * Pure and deterministic: the same options give the same rows (an own seeded PRNG, no clock,
 * no Math.random, no Node APIs). The rows are what goes into the cells of a workbook in the
 * given language: enum and yes/no columns hold the Chinese words (zh) or the English words
 * (en), dates are Excel serials (date-times with the time as a fraction), periods are labels
 * (`2026Q3`). Free text (names, addresses, visit notes) is Chinese in both languages, as the
 * department's records would be. The data has no validation errors; a few warnings stand in
 * for real life (a couple of 合作中 accounts below the key-account threshold).
 *
 * Scale: scale 1 is 4 specialists (6 staff) with ~120 customers and ~1,000 visits; scale N has
 * round(4·N) specialists and every per-specialist table grows with them (~1,000·N visits).
 */
import { Serial, serialFromUtc, ymdFromSerial } from './dates';
import { quarterPeriod, monthPeriod, Period } from './periods';
import { DEFAULT_SCHEME } from './scheme';
import { SETTING_DEFAULTS, SettingKey } from './settings';
import { ColumnDef, Customers, EXPENSE_CATEGORIES, INPUT_TABLES, STAGE_KEY_NODES, YES_NO_WORDS } from './tables';

export type Lang = 'zh' | 'en';
export type DemoCell = string | number | boolean | null;
export type DemoRow = Record<string, DemoCell>;

/** The data tables the demo fills (Settings and ScoringScheme come from settingsRows/schemeRows). */
export const DEMO_TABLES = [
  'Staff',
  'Customers',
  'Visits',
  'Contracts',
  'Plans',
  'Opportunities',
  'Complaints',
  'Feedback',
  'Expenses',
  'Surveys',
  'Assessments',
] as const;
export type DemoTableName = (typeof DEMO_TABLES)[number];
export type DemoTables = Record<DemoTableName, DemoRow[]>;

export interface DemoOptions {
  seed: number;
  /** Multiplies the per-specialist tables; ≥ 1 is usual, any positive number works. */
  scale: number;
  /** The last day of the data (Excel serial); nothing is done after it, visits may be planned. */
  asOf: Serial;
  /** Language of enum and yes/no words; default zh. */
  lang?: Lang;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for demo data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the label mixed with the seed: one independent stream per table. */
function streamSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (Math.trunc(seed) >>> 0)) >>> 0;
  h = Math.imul(h ^ (Math.trunc(seed / 4294967296) >>> 0), 0x01000193) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number, label: string) {
    this.next = mulberry32(streamSeed(seed, label));
  }
  float(): number {
    return this.next();
  }
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const REGIONS = ['华东', '华南', '华北', '西南', '华中', '西北', '东北'] as const;

interface City {
  name: string;
  province: string | null;
  district: string;
  /** Administrative division code (GB/T 2260) of the district. */
  division: string;
  areaCode: string;
}

const CITIES: Record<(typeof REGIONS)[number], City[]> = {
  华东: [
    { name: '上海', province: null, district: '浦东新区', division: '310115', areaCode: '021' },
    { name: '苏州', province: '江苏省', district: '吴中区', division: '320506', areaCode: '0512' },
    { name: '杭州', province: '浙江省', district: '西湖区', division: '330106', areaCode: '0571' },
    { name: '南京', province: '江苏省', district: '鼓楼区', division: '320106', areaCode: '025' },
    { name: '宁波', province: '浙江省', district: '鄞州区', division: '330212', areaCode: '0574' },
    { name: '无锡', province: '江苏省', district: '新吴区', division: '320214', areaCode: '0510' },
    { name: '合肥', province: '安徽省', district: '蜀山区', division: '340104', areaCode: '0551' },
  ],
  华南: [
    { name: '广州', province: '广东省', district: '天河区', division: '440106', areaCode: '020' },
    { name: '深圳', province: '广东省', district: '南山区', division: '440305', areaCode: '0755' },
    { name: '东莞', province: '广东省', district: '松山湖高新区', division: '441900', areaCode: '0769' },
    { name: '佛山', province: '广东省', district: '顺德区', division: '440606', areaCode: '0757' },
    { name: '厦门', province: '福建省', district: '湖里区', division: '350206', areaCode: '0592' },
  ],
  华北: [
    { name: '北京', province: null, district: '朝阳区', division: '110105', areaCode: '010' },
    { name: '天津', province: null, district: '滨海新区', division: '120116', areaCode: '022' },
    { name: '石家庄', province: '河北省', district: '桥西区', division: '130104', areaCode: '0311' },
    { name: '济南', province: '山东省', district: '历下区', division: '370102', areaCode: '0531' },
    { name: '青岛', province: '山东省', district: '崂山区', division: '370212', areaCode: '0532' },
    { name: '太原', province: '山西省', district: '小店区', division: '140105', areaCode: '0351' },
  ],
  西南: [
    { name: '成都', province: '四川省', district: '武侯区', division: '510107', areaCode: '028' },
    { name: '重庆', province: null, district: '渝北区', division: '500112', areaCode: '023' },
    { name: '昆明', province: '云南省', district: '五华区', division: '530102', areaCode: '0871' },
    { name: '贵阳', province: '贵州省', district: '观山湖区', division: '520115', areaCode: '0851' },
  ],
  华中: [
    { name: '武汉', province: '湖北省', district: '武昌区', division: '420106', areaCode: '027' },
    { name: '长沙', province: '湖南省', district: '岳麓区', division: '430104', areaCode: '0731' },
    { name: '郑州', province: '河南省', district: '金水区', division: '410105', areaCode: '0371' },
  ],
  西北: [
    { name: '西安', province: '陕西省', district: '雁塔区', division: '610113', areaCode: '029' },
    { name: '兰州', province: '甘肃省', district: '城关区', division: '620102', areaCode: '0931' },
    { name: '银川', province: '宁夏回族自治区', district: '兴庆区', division: '640104', areaCode: '0951' },
  ],
  东北: [
    { name: '沈阳', province: '辽宁省', district: '铁西区', division: '210106', areaCode: '024' },
    { name: '大连', province: '辽宁省', district: '沙河口区', division: '210204', areaCode: '0411' },
    { name: '哈尔滨', province: '黑龙江省', district: '南岗区', division: '230103', areaCode: '0451' },
    { name: '长春', province: '吉林省', district: '朝阳区', division: '220104', areaCode: '0431' },
  ],
};

/** Brand characters with their pinyin (for e-mail domains). */
const BRAND_FIRST: readonly (readonly [string, string])[] = [
  ['恒', 'heng'], ['华', 'hua'], ['鼎', 'ding'], ['宏', 'hong'], ['金', 'jin'], ['新', 'xin'], ['天', 'tian'],
  ['博', 'bo'], ['瑞', 'rui'], ['永', 'yong'], ['中', 'zhong'], ['汇', 'hui'], ['安', 'an'], ['国', 'guo'],
  ['联', 'lian'], ['泰', 'tai'], ['嘉', 'jia'], ['晨', 'chen'], ['东', 'dong'], ['盛', 'sheng'], ['长', 'chang'],
  ['兴', 'xing'], ['海', 'hai'], ['润', 'run'], ['明', 'ming'], ['卓', 'zhuo'], ['立', 'li'], ['凯', 'kai'],
  ['正', 'zheng'], ['远', 'yuan'],
];
const BRAND_SECOND: readonly (readonly [string, string])[] = [
  ['瑞', 'rui'], ['宇', 'yu'], ['盛', 'sheng'], ['达', 'da'], ['鹏', 'peng'], ['源', 'yuan'], ['诚', 'cheng'],
  ['远', 'yuan'], ['丰', 'feng'], ['信', 'xin'], ['科', 'ke'], ['通', 'tong'], ['泰', 'tai'], ['和', 'he'],
  ['禾', 'he'], ['光', 'guang'], ['方', 'fang'], ['兴', 'xing'], ['德', 'de'], ['隆', 'long'], ['昌', 'chang'],
  ['辉', 'hui'], ['航', 'hang'], ['创', 'chuang'], ['力', 'li'], ['启', 'qi'], ['欣', 'xin'], ['祥', 'xiang'],
  ['峰', 'feng'], ['峻', 'jun'],
];

interface Industry {
  name: string;
  /** Words of a company name in this industry, with a short pinyin tag for the domain. */
  words: readonly (readonly [string, string])[];
}
const INDUSTRIES: readonly Industry[] = [
  { name: '机械制造', words: [['精密机械', 'jm'], ['重工机械', 'zg'], ['机械设备', 'jx'], ['智能装备', 'zn']] },
  { name: '电子信息', words: [['电子科技', 'dz'], ['信息技术', 'it'], ['微电子', 'wdz'], ['光电科技', 'gd']] },
  { name: '化工', words: [['化工', 'hg'], ['新材料', 'xcl'], ['精细化工', 'jxhg']] },
  { name: '医药', words: [['医药', 'yy'], ['生物科技', 'bio'], ['制药', 'pharm']] },
  { name: '汽车零部件', words: [['汽车部件', 'auto'], ['汽车零部件', 'qp'], ['汽配', 'qp']] },
  { name: '新能源', words: [['新能源科技', 'ne'], ['能源科技', 'energy'], ['光伏科技', 'pv'], ['电池', 'battery']] },
  { name: '建筑工程', words: [['建设工程', 'js'], ['建筑安装', 'jz'], ['建工', 'jg']] },
  { name: '物流', words: [['物流', 'wl'], ['供应链管理', 'scm'], ['国际货运', 'freight']] },
  { name: '食品饮料', words: [['食品', 'food'], ['饮品', 'drinks'], ['食品科技', 'sp']] },
  { name: '纺织服装', words: [['纺织', 'fz'], ['服饰', 'fs'], ['纺织科技', 'textile']] },
  { name: '商贸零售', words: [['商贸', 'trade'], ['贸易', 'my'], ['连锁商业', 'retail']] },
];

const COMPANY_SUFFIX: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['股份有限公司', 20],
  ['集团有限公司', 10],
];

const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
];
const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'], ['强', 'qiang'],
  ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['军', 'jun'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['华', 'hua'], ['平', 'ping'], ['刚', 'gang'], ['丽', 'li'],
  ['建国', 'jianguo'], ['志强', 'zhiqiang'], ['海燕', 'haiyan'], ['晓东', 'xiaodong'], ['文博', 'wenbo'],
  ['雪梅', 'xuemei'], ['俊杰', 'junjie'], ['思远', 'siyuan'], ['婷', 'ting'], ['鹏', 'peng'],
];
const CONTACT_TITLES = ['采购经理', '采购总监', '总经理', '副总经理', '设备部经理', '技术总监', '生产部经理', '行政主管', '项目经理'];

const ROADS = ['科技路', '创新大道', '人民路', '建设路', '长江路', '黄河路', '工业园路', '高新大道', '学府路', '中山路', '解放路', '滨江大道', '世纪大道', '发展大道', '星湖街'];

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '158', '159', '166', '176', '177', '180', '181', '185', '186', '187', '188', '189', '191', '199'];

const LOST_REASONS = [
  '价格原因转向竞争对手',
  '客户经营战略调整，停止相关采购',
  '客户内部采购决策变更',
  '产品质量问题未及时解决',
  '客户被并购，采购体系变更',
  '服务响应不及时',
  '项目结束，无后续需求',
];
const CUSTOMER_NOTES = ['重点客户，需每月拜访', '年底有扩产计划', '对价格敏感', '决策链较长，需多部门沟通', '母公司统一采购', '有二期项目意向'];

const VISIT_PURPOSES: Record<string, readonly string[]> = {
  首访: ['初次拜访，了解客户基本情况与采购需求', '介绍公司产品与解决方案', '建立联系，确认关键决策人'],
  回访: ['了解产品使用情况，收集改进意见', '跟进项目进展', '商谈续约事宜', '年度合作回顾', '协调交付问题'],
  接待: ['客户来访参观工厂', '接待客户技术交流', '接待客户高层商务洽谈'],
  电话: ['电话跟进报价反馈', '电话确认交货时间', '电话回访使用满意度'],
};
const VISIT_OUTCOMES = ['客户对方案表示认可', '获取新的采购需求', '确认下季度采购计划', '客户提出价格异议', '问题已现场解决', '需技术部门进一步支持', '客户满意，关系稳定'];
const VISIT_NEXT_STEPS = ['一周内提交报价', '安排技术交流', '邀请客户来访参观', '跟进合同审批', '下月回访', '准备投标文件', '提交整改方案'];

const PROJECT_PREFIXES = ['', '', '二期', '三期', '新厂区', '总部'];
const PROJECT_PRODUCTS = [
  '生产线自动化改造', 'MES系统实施', '仓储物流系统集成', '年度设备维保服务', '厂区配电增容工程', '数据中心机房建设',
  '质量检测设备采购', '工业机器人采购', '废气治理环保工程', '办公楼智能化改造', 'ERP系统升级', '冷链仓储建设',
  '新厂房机电安装', '能源管理平台', '安防监控系统升级',
];

const VALID_COMPLAINTS = ['交货延迟', '产品批次质量不良', '安装调试不及时', '售后响应慢', '发票开具错误', '服务人员态度问题', '备件供应不足'];
const INVALID_COMPLAINTS = ['客户误操作导致设备故障', '超出合同范围的服务要求', '第三方物流原因导致延误', '客户对合同条款理解有误'];
const RESOLUTIONS = ['已补发货物并致歉', '更换不良批次产品', '安排工程师上门处理', '调整服务流程并回访确认', '重新开具发票', '对相关人员进行培训', '向客户解释说明，客户接受'];

const FEEDBACK_CONTENTS = ['希望缩短交货周期', '建议增加本地技术服务人员', '询问新产品技术参数', '对报价提出疑问', '要求提供年度对账单', '希望安排产品操作培训', '咨询售后保修政策', '反映包装破损问题'];
const SURVEY_COMMENTS = ['服务及时，沟通顺畅', '产品质量稳定', '希望加强技术培训', '交货周期偏长', '售后响应需提速', '整体满意', '价格偏高'];

const CLERK_ITEMS = ['专业技能', '调查能力', '问题解决能力', '创新能力'];

/** Default win probability of the six open stages (SETTING_DEFAULTS.stage_probabilities). */
const STAGE_PROBABILITY = [0.1, 0.2, 0.4, 0.6, 0.8, 1];
const OPEN_STAGE_WORDS = ['客户开发', '立项', '提案', '招投标', '商务谈判', '工程实施'] as const;

// ---------------------------------------------------------------------------------------------
// Unified social credit code (GB 32100-2015) and organization code (GB 11714-1997)

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CHARS = CREDIT_CHARSET.split('');
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a credit code: 31 − (Σ value·weight mod 31), in the code's charset. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organization code: 11 − (Σ value·weight mod 11); 10 is X, 11 is 0. */
function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function creditCode(rng: Rng, division: string): string {
  // Codes issued since 2015 carry organization codes like MA1M…; older ones 8 digits.
  const org8 = rng.chance(0.5) ? rng.digits(8) : 'MA' + rng.pick(['1', '2', '3', '4', '5', '6']) + Array.from({ length: 5 }, () => rng.pick(CREDIT_CHARS)).join('');
  const first17 = '91' + division + org8 + orgCheckChar(org8);
  return first17 + creditCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// Helpers

const round = (n: number, step: number) => Math.round(n / step) * step;
const round2 = (n: number) => Math.round(n * 100) / 100;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const idWidth = (count: number, min: number) => Math.max(min, String(count).length);
/** Code-unit order, as a sort comparator (stable sorts keep equal rows in generation order). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function personName(rng: Rng): { name: string; pinyin: [string, string] } {
  const [s, sp] = rng.pick(SURNAMES);
  const [g, gp] = rng.pick(GIVEN_NAMES);
  return { name: s + g, pinyin: [sp, gp] };
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

function landline(rng: Rng, city: City): string {
  const localLength = city.areaCode.length === 3 ? 8 : rng.pick([7, 8]);
  return `${city.areaCode}-${rng.int(2, 8)}${rng.digits(localLength - 1)}`;
}

// ---------------------------------------------------------------------------------------------
// The department

interface StaffMember {
  id: string;
  name: string;
  role: '经理' | '内勤' | '专员';
  region: string | null;
}

interface Customer {
  id: string;
  owner: StaffMember;
  status: '潜在' | '开发中' | '合作中' | '流失';
  createdOn: Serial;
  developedOn: Serial | null;
  lostOn: Serial | null;
  annualValue: number | null;
  row: DemoRow;
}

interface Span {
  /** First day of the data: 1 January two years before the as-of year. */
  start: Serial;
  asOf: Serial;
  years: number[];
}

const FIXED_SPECIALISTS: readonly [string, string][] = [
  ['张伟', '华东'],
  ['刘洋', '华南'],
  ['陈静', '华北'],
  ['杨磊', '西南'],
];

function makeStaff(seed: number, specialists: number): StaffMember[] {
  const rng = new Rng(seed, 'staff');
  const total = specialists + 2;
  const w = idWidth(total, 2);
  const staff: StaffMember[] = [
    { id: `S${pad(1, w)}`, name: '王建国', role: '经理', region: null },
    { id: `S${pad(2, w)}`, name: '李晓梅', role: '内勤', region: null },
  ];
  for (let i = 0; i < specialists; i++) {
    const fixed = FIXED_SPECIALISTS[i];
    staff.push({
      id: `S${pad(i + 3, w)}`,
      name: fixed ? fixed[0] : personName(rng).name,
      role: '专员',
      region: fixed ? fixed[1] : REGIONS[i % REGIONS.length],
    });
  }
  return staff;
}

const CUSTOMERS_PER_SPECIALIST = 30;

function makeCustomers(seed: number, specialists: StaffMember[], win: Span): Customer[] {
  const rng = new Rng(seed, 'customers');
  const total = specialists.length * CUSTOMERS_PER_SPECIALIST;
  const w = idWidth(total, 4);
  const names = new Set<string>();
  const out: Customer[] = [];
  let n = 0;
  for (const owner of specialists) {
    const cities = CITIES[owner.region as (typeof REGIONS)[number]];
    for (let k = 0; k < CUSTOMERS_PER_SPECIALIST; k++) {
      const id = `C${pad(++n, w)}`;
      const city = rng.pick(cities);
      const industry = rng.pick(INDUSTRIES);
      let name = '';
      let domain = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        const [f, fp] = rng.pick(BRAND_FIRST);
        let [s, sp] = rng.pick(BRAND_SECOND);
        if (s === f) [s, sp] = BRAND_SECOND[(BRAND_SECOND.findIndex((b) => b[0] === s) + 1) % BRAND_SECOND.length];
        const [word, tag] = rng.pick(industry.words);
        name = city.name + f + s + word + rng.weighted(COMPANY_SUFFIX);
        domain = `${fp}${sp}-${tag}.${rng.pick(['com', 'com.cn', 'cn'])}`;
        if (!names.has(name)) break;
      }
      names.add(name);

      const status = rng.weighted([
        ['合作中', 50],
        ['开发中', 18],
        ['潜在', 15],
        ['流失', 17],
      ] as const);
      let createdOn: Serial;
      let developedOn: Serial | null = null;
      let lostOn: Serial | null = null;
      let phase: string | null;
      if (status === '合作中') {
        developedOn = rng.int(win.start - 365, win.asOf);
        createdOn = developedOn - rng.int(20, 300);
        phase = rng.weighted([
          ['稳定与发展', 60],
          ['初步合作', 30],
          ['危机公关', 10],
        ] as const);
      } else if (status === '流失') {
        lostOn = rng.int(win.start, win.asOf);
        developedOn = lostOn - rng.int(90, 720);
        createdOn = developedOn - rng.int(20, 300);
        phase = rng.chance(0.5) ? '危机公关' : null;
      } else if (status === '开发中') {
        createdOn = rng.int(win.start - 180, win.asOf - 7);
        phase = rng.pick(['走访市场', '深入接触', '实质性进展']);
      } else {
        createdOn = rng.int(win.start, win.asOf - 1);
        phase = rng.pick(['目标和方向', '走访市场']);
      }

      let annualValue: number | null = null;
      if (status === '合作中') {
        // Mostly above the 100 (万元) key-account standard; a few below it give warnings.
        annualValue = rng.chance(0.04) ? round2(rng.between(40, 99)) : round(100 + 700 * rng.float() ** 2, 0.1);
      } else if (status === '流失') {
        annualValue = round(rng.between(60, 400), 0.1);
      }
      const tier = annualValue === null ? (status === '潜在' ? null : rng.pick(['B', 'C'])) : annualValue >= 400 ? 'A' : annualValue >= 150 ? 'B' : 'C';

      const contact = personName(rng);
      // Some archives are incomplete, as real ones are (archive_completeness below 100%).
      const incomplete = rng.chance(0.12);
      const missing = incomplete ? rng.pick(['creditCode', 'contact', 'phone', 'address', 'industry']) : null;
      const road = rng.pick(ROADS);
      const address = `${city.province ?? ''}${city.name}市${city.district}${road}${rng.int(1, 999)}号${rng.chance(0.3) ? `${rng.int(1, 12)}栋` : ''}`;
      const email = rng.chance(0.85) ? `${rng.chance(0.5) ? `${contact.pinyin[0]}.${contact.pinyin[1]}` : contact.pinyin[0] + contact.pinyin[1]}@${domain}` : null;

      const row: DemoRow = {
        customerId: id,
        name,
        creditCode: missing === 'creditCode' ? null : creditCode(rng, city.division),
        industry: missing === 'industry' ? null : industry.name,
        region: owner.region,
        tier,
        ownerId: owner.id,
        status,
        phase,
        createdOn,
        developedOn,
        lostOn,
        lostReason: status === '流失' ? rng.pick(LOST_REASONS) : null,
        annualValue,
        contact: missing === 'contact' ? null : contact.name,
        contactTitle: missing === 'contact' ? null : rng.pick(CONTACT_TITLES),
        phone: missing === 'phone' ? null : rng.chance(0.8) ? mobile(rng) : landline(rng, city),
        email,
        address: missing === 'address' ? null : address,
        notes: rng.chance(0.15) ? rng.pick(CUSTOMER_NOTES) : null,
      };
      out.push({ id, owner, status, createdOn, developedOn, lostOn, annualValue, row });
    }
  }
  return out;
}

/** The days a customer is in touch with the department: from creation (or the window) to loss or as-of. */
function relationship(c: Customer, win: Span): [Serial, Serial] {
  return [Math.max(c.createdOn, win.start), Math.min(c.lostOn ?? win.asOf, win.asOf)];
}

interface Visit {
  customer: Customer;
  staff: StaffMember;
  type: string;
  plannedOn: Serial;
  visitedOn: Serial | null;
  status: string;
  purpose: string;
  outcome: string | null;
  nextStep: string | null;
}

function makeVisits(seed: number, customers: Customer[], manager: StaffMember, win: Span): DemoRow[] {
  const rng = new Rng(seed, 'visits');
  const horizon = win.asOf + 30;
  const visits: Visit[] = [];
  const add = (c: Customer, type: string, plannedOn: Serial) => {
    if (plannedOn < win.start || plannedOn > horizon) return;
    let status: string;
    let visitedOn: Serial | null = null;
    if (plannedOn > win.asOf) status = '计划';
    else if (plannedOn > win.asOf - 10 && rng.chance(0.5)) status = '计划';
    else if (rng.chance(0.06)) status = '已取消';
    else {
      status = '已完成';
      visitedOn = Math.min(plannedOn + rng.weighted([[0, 70], [1, 15], [2, 10], [3, 5]] as const), win.asOf);
    }
    const done = status === '已完成';
    visits.push({
      customer: c,
      staff: rng.chance(0.05) ? manager : c.owner,
      type,
      plannedOn,
      visitedOn,
      status,
      purpose: rng.pick(VISIT_PURPOSES[type]),
      outcome: done ? rng.pick(VISIT_OUTCOMES) : status === '已取消' ? '客户临时有事，改期' : null,
      nextStep: done ? rng.pick(VISIT_NEXT_STEPS) : null,
    });
  };
  for (const c of customers) {
    // First visit soon after the account is created, then revisits, receptions and calls.
    let t = c.createdOn + rng.int(0, 20);
    add(c, '首访', t);
    const end = c.lostOn ?? horizon;
    const gap: [number, number] = c.status === '合作中' ? [45, 105] : c.status === '开发中' ? [38, 92] : c.status === '流失' ? [45, 110] : [100, 200];
    for (;;) {
      t += rng.int(gap[0], gap[1]);
      if (t > end) break;
      const type = c.status === '潜在' ? rng.pick(['电话', '回访']) : rng.weighted([['回访', 55], ['电话', 25], ['接待', 20]] as const);
      add(c, type, t);
    }
  }
  visits.sort((a, b) => a.plannedOn - b.plannedOn || byText(a.customer.id, b.customer.id));
  const w = idWidth(visits.length, 5);
  return visits.map((v, i) => ({
    visitId: `V${pad(i + 1, w)}`,
    customerId: v.customer.id,
    staffId: v.staff.id,
    visitType: v.type,
    plannedOn: v.plannedOn,
    visitedOn: v.visitedOn,
    status: v.status,
    purpose: v.purpose,
    outcome: v.outcome,
    nextStep: v.nextStep,
  }));
}

interface Contract {
  customer: Customer;
  signedOn: Serial;
  amount: number;
  valid: boolean;
}

function makeContracts(seed: number, customers: Customer[], win: Span): Contract[] {
  const rng = new Rng(seed, 'contracts');
  const out: Contract[] = [];
  for (const c of customers) {
    if (c.developedOn === null || c.annualValue === null) continue;
    const end = Math.min(c.lostOn ?? win.asOf, win.asOf);
    // The account became a key account by signing; then a contract every few months.
    let t = c.developedOn;
    while (t <= end) {
      const gap = rng.int(75, 150);
      if (t >= win.start) {
        const amount = Math.max(5, round(c.annualValue * (gap / 365) * rng.between(0.7, 1.3), 0.1));
        out.push({ customer: c, signedOn: t, amount: round2(amount), valid: !rng.chance(0.03) });
      }
      t += gap;
    }
  }
  out.sort((a, b) => a.signedOn - b.signedOn || byText(a.customer.id, b.customer.id));
  return out;
}

function contractRows(contracts: Contract[]): DemoRow[] {
  const perYear = new Map<number, number>();
  const w = idWidth(Math.max(1, ...countByYear(contracts.map((c) => c.signedOn)).values()), 4);
  return contracts.map((k) => {
    const year = ymdFromSerial(k.signedOn).year;
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return {
      contractId: `HT${year}${pad(n, w)}`,
      customerId: k.customer.id,
      staffId: k.customer.owner.id,
      signedOn: k.signedOn,
      amount: k.amount,
      status: k.valid ? '有效' : '作废',
    };
  });
}

function countByYear(serials: Serial[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const s of serials) {
    const y = ymdFromSerial(s).year;
    m.set(y, (m.get(y) ?? 0) + 1);
  }
  return m;
}

function makeOpportunities(seed: number, customers: Customer[], win: Span): DemoRow[] {
  const rng = new Rng(seed, 'opportunities');
  const rows: (DemoRow & { _start: Serial })[] = [];
  for (const c of customers) {
    let count: number;
    let stages: readonly (readonly [number, number])[]; // [stage index 0..7, weight]
    if (c.status === '潜在') {
      count = rng.chance(0.4) ? 1 : 0;
      stages = [[0, 1]];
    } else if (c.status === '开发中') {
      count = rng.chance(0.8) ? 1 : 0;
      stages = [[0, 3], [1, 3], [2, 3], [3, 2], [4, 1], [7, 1]];
    } else if (c.status === '合作中') {
      count = rng.weighted([[0, 20], [1, 50], [2, 30]] as const);
      stages = [[0, 1], [1, 1], [2, 2], [3, 2], [4, 2], [5, 2], [6, 3], [7, 2]];
    } else {
      count = rng.chance(0.4) ? 1 : 0;
      stages = [[6, 1], [7, 2]];
    }
    for (let k = 0; k < count; k++) {
      const stage = rng.weighted(stages);
      // Key-node dates: every stage before the current one (stage gate, SPEC §2); all six once
      // closed; a lost opportunity keeps the dates it reached.
      const filled = stage === 6 ? 6 : stage === 7 ? rng.int(0, 4) : stage;
      const gaps = Array.from({ length: Math.max(filled, 1) }, (_, i) => (i === 0 ? 0 : rng.int(7, 45)));
      const span = gaps.reduce((a, b) => a + b, 0);
      const [lo, hi] = relationship(c, win);
      const latestStart = win.asOf - span;
      const startLo = Math.min(lo, latestStart);
      const start = rng.int(startLo, Math.max(startLo, Math.min(hi, latestStart)));
      const dates: (Serial | null)[] = [null, null, null, null, null, null];
      let t = start;
      for (let i = 0; i < filled; i++) {
        t += gaps[i];
        dates[i] = t;
      }
      const stageWord = stage < 6 ? OPEN_STAGE_WORDS[stage] : stage === 6 ? '已结项' : '已丢单';
      const expected = round(20 + 480 * rng.float() ** 2, 0.5);
      const open = stage < 6;
      const winProbability = open && rng.chance(0.6) ? Math.min(1, Math.max(0.05, round(STAGE_PROBABILITY[stage] + rng.between(-0.1, 0.1), 0.05))) : null;
      const expectedSigning = stage >= 5 && stage !== 7 ? dates[4] : open ? win.asOf + rng.int(20, 200) : null;
      const project = rng.pick(PROJECT_PREFIXES) + rng.pick(PROJECT_PRODUCTS) + '项目';
      const row: DemoRow & { _start: Serial } = {
        _start: start,
        opportunityId: '',
        customerId: c.id,
        staffId: c.owner.id,
        projectName: project,
        stage: stageWord,
        expectedAmount: expected,
        winProbability: winProbability === null ? null : Math.round(winProbability * 100) / 100,
        expectedSigning,
      };
      STAGE_KEY_NODES.forEach((key, i) => (row[key] = dates[i]));
      rows.push(row);
    }
  }
  rows.sort((a, b) => a._start - b._start || byText(a.customerId as string, b.customerId as string));
  const w = idWidth(rows.length, 4);
  return rows.map(({ _start, ...r }, i) => ({ ...r, opportunityId: `SJ${pad(i + 1, w)}` }));
}

function makeComplaints(seed: number, customers: Customer[], win: Span): DemoRow[] {
  const rng = new Rng(seed, 'complaints');
  const rows: DemoRow[] = [];
  for (const c of customers) {
    if (c.developedOn === null) continue;
    const count = rng.weighted([[0, 62], [1, 25], [2, 13]] as const);
    const lo = Math.max(c.developedOn, win.start);
    const hi = Math.min(c.lostOn ?? win.asOf, win.asOf);
    if (lo > hi) continue;
    for (let k = 0; k < count; k++) {
      const receivedOn = rng.int(lo, hi);
      const valid = rng.chance(0.45);
      const closedOn = receivedOn + rng.int(1, 15);
      const closed = closedOn <= win.asOf;
      rows.push({
        complaintId: '',
        customerId: c.id,
        staffId: c.owner.id,
        receivedOn,
        valid: valid ? '是' : '否',
        content: rng.pick(valid ? VALID_COMPLAINTS : INVALID_COMPLAINTS),
        resolution: closed ? rng.pick(RESOLUTIONS) : '处理中',
        closedOn: closed ? closedOn : null,
      });
    }
  }
  return withIds(rows, 'complaintId', 'TS', 'receivedOn');
}

function makeFeedback(seed: number, customers: Customer[], win: Span): DemoRow[] {
  const rng = new Rng(seed, 'feedback');
  const rows: DemoRow[] = [];
  for (const c of customers) {
    if (c.status === '潜在') continue;
    const [lo, hi] = relationship(c, win);
    if (lo > hi) continue;
    const count = c.status === '合作中' ? rng.int(0, 3) : rng.int(0, 1);
    for (let k = 0; k < count; k++) {
      const day = rng.int(lo, hi);
      const receivedAt = day + (rng.int(8, 17) * 60 + rng.pick([0, 5, 10, 15, 20, 30, 40, 45, 50])) / 1440;
      // Most answers inside the 48-hour standard, some late, a few never.
      const kind = rng.weighted([['onTime', 82], ['late', 12], ['none', 6]] as const);
      const hours = kind === 'onTime' ? rng.int(1, 46) : rng.int(50, 120);
      let repliedAt: Serial | null = kind === 'none' ? null : receivedAt + (hours * 60 + rng.int(0, 59)) / 1440;
      if (repliedAt !== null && repliedAt > win.asOf + 0.75) repliedAt = null;
      rows.push({
        feedbackId: '',
        customerId: c.id,
        staffId: c.owner.id,
        receivedAt: minutePrecision(receivedAt),
        repliedAt: repliedAt === null ? null : minutePrecision(repliedAt),
        content: rng.pick(FEEDBACK_CONTENTS),
      });
    }
  }
  return withIds(rows, 'feedbackId', 'FK', 'receivedAt');
}

/** Date-times to the minute, so that writing and reading them back gives the same serial. */
function minutePrecision(serial: Serial): Serial {
  return Math.round(serial * 1440) / 1440;
}

interface Expense {
  staff: StaffMember;
  spentOn: Serial;
  amount: number;
  row: DemoRow;
}

function makeExpenses(seed: number, customers: Customer[], specialists: StaffMember[], manager: StaffMember, win: Span, lang: Lang): Expense[] {
  const rng = new Rng(seed, 'expenses');
  const byOwner = new Map<string, Customer[]>();
  for (const c of customers) {
    if (c.status === '潜在') continue;
    const list = byOwner.get(c.owner.id) ?? [];
    list.push(c);
    byOwner.set(c.owner.id, list);
  }
  const out: Expense[] = [];
  const categories = [0, 1, 2, 3];
  const ranges: [number, number][] = [
    [300, 3000],
    [500, 5000],
    [200, 2000],
    [100, 1500],
  ];
  const perSpecialist = 100;
  const total = specialists.length * perSpecialist;
  for (let k = 0; k < total; k++) {
    const staff = rng.chance(0.08) ? manager : specialists[k % specialists.length];
    const spentOn = rng.int(win.start, win.asOf);
    const cat = rng.weighted(categories.map((c, i) => [c, [40, 35, 15, 10][i]] as const));
    const pool = byOwner.get(staff.id) ?? customers;
    const customer = rng.chance(0.8) && pool.length > 0 ? rng.pick(pool) : null;
    const amount = round(rng.between(ranges[cat][0], ranges[cat][1]), 0.5);
    out.push({
      staff,
      spentOn,
      amount,
      row: {
        expenseId: '',
        spentOn,
        staffId: staff.id,
        customerId: customer ? customer.id : null,
        category: EXPENSE_CATEGORIES[lang][cat],
        amount,
      },
    });
  }
  out.sort((a, b) => a.spentOn - b.spentOn);
  const w = idWidth(out.length, 5);
  out.forEach((e, i) => (e.row.expenseId = `FY${pad(i + 1, w)}`));
  return out;
}

function makeSurveys(seed: number, customers: Customer[], win: Span): DemoRow[] {
  const rng = new Rng(seed, 'surveys');
  const rows: DemoRow[] = [];
  for (const c of customers) {
    if (c.developedOn === null) continue;
    const [lo, hi] = [Math.max(c.developedOn, win.start), Math.min(c.lostOn ?? win.asOf, win.asOf)];
    if (lo > hi) continue;
    const count = c.status === '合作中' ? rng.weighted([[0, 10], [1, 35], [2, 40], [3, 15]] as const) : rng.int(0, 1);
    for (let k = 0; k < count; k++) {
      const score = c.status === '流失' ? rng.int(45, 80) : Math.min(100, Math.round(rng.between(70, 100) - (rng.chance(0.08) ? 20 : 0)));
      rows.push({
        surveyId: '',
        customerId: c.id,
        staffId: c.owner.id,
        surveyedOn: rng.int(lo, hi),
        score,
        comments: rng.chance(0.8) ? rng.pick(SURVEY_COMMENTS) : null,
      });
    }
  }
  return withIds(rows, 'surveyId', 'DC', 'surveyedOn');
}

/** Sorts rows by a date column and numbers them in that order. */
function withIds(rows: DemoRow[], idKey: string, prefix: string, dateKey: string): DemoRow[] {
  rows.sort((a, b) => (a[dateKey] as number) - (b[dateKey] as number) || byText(a.customerId as string, b.customerId as string));
  const w = idWidth(rows.length, 4);
  rows.forEach((r, i) => (r[idKey] = `${prefix}${pad(i + 1, w)}`));
  return rows;
}

function quartersOf(win: Span): Period[] {
  return win.years.flatMap((y) => [1, 2, 3, 4].map((q) => quarterPeriod(y, q)));
}

interface Dated {
  staffId: string;
  on: Serial;
  value: number;
}

/** Items per staff member, so that summing a quarter does not scan the whole table. */
function byStaff(items: Dated[]): Map<string, Dated[]> {
  const m = new Map<string, Dated[]>();
  for (const it of items) {
    const list = m.get(it.staffId);
    if (list) list.push(it);
    else m.set(it.staffId, [it]);
  }
  return m;
}

function sumIn(items: Map<string, Dated[]>, staffId: string, p: Period): number {
  let s = 0;
  for (const it of items.get(staffId) ?? []) if (it.on >= p.start && it.on <= p.end) s += it.value;
  return s;
}

/**
 * Plans close to what happened (completion rates around 80–120 %): each quarter of the demo
 * years per specialist; every fourth specialist plans the as-of year by month instead; the
 * department's own rows are the year totals.
 */
function makePlans(seed: number, specialists: StaffMember[], contracts: Contract[], customers: Customer[], expenses: Expense[], win: Span): DemoRow[] {
  const rng = new Rng(seed, 'plans');
  const sales = byStaff(contracts.filter((k) => k.valid).map((k) => ({ staffId: k.customer.owner.id, on: k.signedOn, value: k.amount })));
  const devs = byStaff(customers.filter((c) => c.developedOn !== null).map((c) => ({ staffId: c.owner.id, on: c.developedOn!, value: 1 })));
  const spend = byStaff(expenses.map((e) => ({ staffId: e.staff.id, on: e.spentOn, value: e.amount })));
  const quarters = quartersOf(win);
  const asOfYear = win.years[win.years.length - 1];
  const rows: DemoRow[] = [];
  const deptTotals = new Map<number, { sales: number; dev: number; budget: number }>();
  specialists.forEach((s, index) => {
    const history: { sales: number; dev: number; budget: number }[] = [];
    const byMonth = index % 4 === 3;
    for (const q of quarters) {
      let plan: { sales: number; dev: number; budget: number };
      if (q.end <= win.asOf) {
        const actual = { sales: sumIn(sales, s.id, q), dev: sumIn(devs, s.id, q), budget: sumIn(spend, s.id, q) };
        history.push(actual);
        plan = {
          sales: Math.max(50, round(actual.sales * rng.between(0.85, 1.2), 10)),
          dev: Math.max(1, actual.dev + rng.int(-1, 1)),
          budget: Math.max(5000, round(actual.budget * rng.between(0.95, 1.3), 1000)),
        };
      } else {
        // Quarters not yet over: the recent average, with growth.
        const recent = history.slice(-4);
        const mean = (f: (h: (typeof history)[number]) => number) => (recent.length ? recent.reduce((a, h) => a + f(h), 0) / recent.length : 0);
        plan = {
          sales: Math.max(50, round(mean((h) => h.sales) * rng.between(1.0, 1.15), 10)),
          dev: Math.max(1, Math.round(mean((h) => h.dev))),
          budget: Math.max(5000, round(mean((h) => h.budget) * rng.between(1.0, 1.15), 1000)),
        };
      }
      const tot = deptTotals.get(q.year) ?? { sales: 0, dev: 0, budget: 0 };
      deptTotals.set(q.year, { sales: tot.sales + plan.sales, dev: tot.dev + plan.dev, budget: tot.budget + plan.budget });
      if (byMonth && q.year === asOfYear) {
        // Month plans only: the quarter's plan is their sum (SPEC §3, plan(s, P)).
        const salesParts = splitInThree(plan.sales, 10);
        const devParts = splitInThree(plan.dev, 1);
        const budgetParts = splitInThree(plan.budget, 100);
        for (let m = 0; m < 3; m++) {
          rows.push({
            period: monthPeriod(q.year, (q.index - 1) * 3 + m + 1).label,
            staffId: s.id,
            salesPlan: salesParts[m],
            developmentPlan: devParts[m],
            serviceBudget: budgetParts[m],
          });
        }
      } else {
        rows.push({ period: q.label, staffId: s.id, salesPlan: plan.sales, developmentPlan: plan.dev, serviceBudget: plan.budget });
      }
    }
  });
  const deptRows = win.years.map((y) => {
    const t = deptTotals.get(y)!;
    return { period: String(y), staffId: null, salesPlan: round2(t.sales), developmentPlan: t.dev, serviceBudget: round2(t.budget) };
  });
  return [...deptRows, ...rows];
}

/** Three parts in multiples of `step` that add up to `total` (a multiple of step). */
function splitInThree(total: number, step: number): [number, number, number] {
  const units = Math.round(total / step);
  const a = Math.floor(units / 3);
  const rest = units - 3 * a;
  return [(a + (rest > 0 ? 1 : 0)) * step, (a + (rest > 1 ? 1 : 0)) * step, a * step].map(round2) as [number, number, number];
}

function makeAssessments(seed: number, clerks: StaffMember[], manager: StaffMember, win: Span): DemoRow[] {
  const rng = new Rng(seed, 'assessments');
  const rows: DemoRow[] = [];
  for (const q of quartersOf(win)) {
    if (q.start > win.asOf) continue;
    for (const clerk of clerks) {
      for (const item of CLERK_ITEMS) {
        rows.push({ period: q.label, staffId: clerk.id, item, score: rng.int(68, 96), assessor: manager.name });
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Language

const COLUMNS_BY_TABLE = new Map(INPUT_TABLES.map((t) => [t.name, t.columns as readonly ColumnDef[]]));

/** How a canonical cell is written in the language: enum words and yes/no words translated. */
function cellWriter(c: ColumnDef, lang: Lang): (v: DemoCell) => DemoCell {
  if (c.type === 'enum') {
    const words = new Map<string, string>(c.enum!.members.map((m) => [m.zh, lang === 'zh' ? m.zh : m.en]));
    return (v) => (typeof v === 'string' ? (words.get(v) ?? v) : v);
  }
  if (c.type === 'yesno') {
    const { yes, no } = YES_NO_WORDS[lang];
    return (v) => (v === null ? null : v === true || v === YES_NO_WORDS.zh.yes ? yes : no);
  }
  return (v) => v;
}

/** Puts a table's rows in the workbook's language, every column present, in column order. */
function localize(table: string, rows: DemoRow[], lang: Lang): DemoRow[] {
  const columns = COLUMNS_BY_TABLE.get(table)!.map((c) => [c.key, cellWriter(c, lang)] as const);
  return rows.map((r) => {
    const out: DemoRow = {};
    for (const [key, write] of columns) out[key] = write(r[key] ?? null);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** The demo department's rows for every data table, in the workbook's language. */
export function demoRows(options: DemoOptions): DemoTables {
  const { seed, scale } = options;
  const lang = options.lang ?? 'zh';
  if (!Number.isFinite(seed)) throw new RangeError(`demo seed must be a number, got ${seed}`);
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`demo scale must be a positive number, got ${scale}`);
  if (!Number.isFinite(options.asOf) || options.asOf < serialFromUtc(1903, 1, 1)) throw new RangeError(`demo as-of date must be an Excel serial, got ${options.asOf}`);
  const asOf = Math.floor(options.asOf);
  const year = ymdFromSerial(asOf).year;
  const win: Span = { start: serialFromUtc(year - 2, 1, 1), asOf, years: [year - 2, year - 1, year] };

  const staff = makeStaff(seed, Math.max(1, Math.round(4 * scale)));
  const manager = staff[0];
  const clerks = staff.filter((s) => s.role === '内勤');
  const specialists = staff.filter((s) => s.role === '专员');
  const customers = makeCustomers(seed, specialists, win);
  const contracts = makeContracts(seed, customers, win);
  const expenses = makeExpenses(seed, customers, specialists, manager, win, lang);

  const tables: DemoTables = {
    Staff: staff.map((s) => ({ staffId: s.id, name: s.name, role: s.role, region: s.region, active: '是' })),
    Customers: customers.map((c) => c.row),
    Visits: makeVisits(seed, customers, manager, win),
    Contracts: contractRows(contracts),
    Plans: makePlans(seed, specialists, contracts, customers, expenses, win),
    Opportunities: makeOpportunities(seed, customers, win),
    Complaints: makeComplaints(seed, customers, win),
    Feedback: makeFeedback(seed, customers, win),
    Expenses: expenses.map((e) => e.row),
    Surveys: makeSurveys(seed, customers, win),
    Assessments: makeAssessments(seed, clerks, manager, win),
  };
  for (const name of DEMO_TABLES) tables[name] = localize(name, tables[name], lang);
  return tables;
}

/** The Settings table with its defaults; `required_fields` names the headers in the workbook's language. */
export function settingsRows(lang: Lang): DemoRow[] {
  const customerColumns = Customers.columns as readonly ColumnDef[];
  return (Object.keys(SETTING_DEFAULTS) as SettingKey[]).map((key) => {
    const d = SETTING_DEFAULTS[key];
    let value: string = d.value;
    if (key === 'required_fields' && lang === 'en') {
      value = value
        .split(',')
        .map((h) => customerColumns.find((c) => c.zh === h)?.en ?? h)
        .join(',');
    }
    return { key, label: d[lang], value };
  });
}

/**
 * The ScoringScheme table with the seeded scheme. Roles and directions are words of the
 * workbook's language; the clerk's items keep their Chinese names in both languages, as in
 * DEFAULT_SCHEME, so that they match the Assessments rows.
 */
export function schemeRows(lang: Lang): DemoRow[] {
  return localize(
    'ScoringScheme',
    DEFAULT_SCHEME.map((s) => ({ role: s.role, kpi: s.kpi, weight: s.weight, target: s.target, direction: s.direction })),
    lang,
  );
}
