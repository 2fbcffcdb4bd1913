/**
 * Word lists for realistic (but invented) Chinese people and organizations.
 */
import type { Rng } from './rng';

/** Common surnames with rough relative frequencies (most common first). */
const SURNAMES: readonly [string, number][] = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 55],
  ['陈', 46],
  ['杨', 32],
  ['黄', 24],
  ['赵', 22],
  ['吴', 21],
  ['周', 20],
  ['徐', 16],
  ['孙', 15],
  ['马', 14],
  ['朱', 13],
  ['胡', 13],
  ['郭', 12],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 8],
  ['宋', 8],
  ['唐', 7],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 6],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 2],
  ['韦', 2],
  ['付', 2],
  ['方', 2],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['陶', 2],
  ['黎', 2],
  ['贺', 2],
  ['顾', 2],
  ['毛', 2],
  ['郝', 2],
  ['龚', 2],
  ['邵', 2],
  ['欧阳', 1],
  ['司马', 0.3],
  ['上官', 0.3],
];
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

const MALE_CHARS = '伟强磊军勇杰涛斌超明辉刚健峰平波鹏飞华宇浩凯俊博文斌晨阳志国建东海龙林松亮成康正宏德思远航瑞泽睿哲轩铭'.split('');
const FEMALE_CHARS = '芳娜敏静丽艳娟霞婷雪琳慧倩颖洁佳欣怡梦晗璐瑶婧萱妍琪悦蕾岚雯晶春红梅兰月凤玲薇楠畅菲'.split('');
const NEUTRAL_CHARS = '文华明晓子思一新嘉安宁清雨晨诗心若家可永艺'.split('');

export type Gender = 'M' | 'F';

/** An invented full name: surname + one or two given-name characters matching the gender. */
export function makeName(rng: Rng, gender: Gender): string {
  const surname = SURNAMES[rng.weighted(SURNAME_WEIGHTS)][0];
  const own = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
  if (rng.chance(0.22)) return surname + rng.pick(own);
  const first = rng.chance(0.3) ? rng.pick(NEUTRAL_CHARS) : rng.pick(own);
  let second = rng.pick(own);
  if (second === first) second = rng.pick(own);
  return surname + first + second;
}

/** Colleges and schools whose Party committees make up a university. cm-1 is always the first. */
export const COLLEGES: readonly string[] = [
  '计算机学院',
  '马克思主义学院',
  '经济管理学院',
  '外国语学院',
  '机械工程学院',
  '电子信息学院',
  '材料科学与工程学院',
  '化学化工学院',
  '生命科学学院',
  '数学与统计学院',
  '物理学院',
  '土木工程学院',
  '建筑与城市规划学院',
  '法学院',
  '新闻与传播学院',
  '文学院',
  '历史文化学院',
  '哲学学院',
  '公共管理学院',
  '教育学院',
  '艺术学院',
  '体育学院',
  '医学院',
  '药学院',
  '护理学院',
  '环境科学与工程学院',
  '能源与动力工程学院',
  '自动化学院',
  '软件学院',
  '网络空间安全学院',
  '人工智能学院',
  '农学院',
  '资源与环境学院',
  '地球科学学院',
  '海洋学院',
  '航空航天学院',
  '交通运输学院',
  '光电信息学院',
  '社会学院',
  '国际教育学院',
];

/** Campus prefixes used only when a (large) world needs more committees than there are colleges. */
const CAMPUSES: readonly string[] = ['', '南湖校区', '东湖校区', '西山校区', '北岭校区', '滨江校区'];

/** The i-th college name (0-based); repeats across campuses past the end of the list. */
export function collegeName(i: number): string {
  const campus = CAMPUSES[Math.floor(i / COLLEGES.length) % CAMPUSES.length];
  const round = Math.floor(i / (COLLEGES.length * CAMPUSES.length));
  return `${campus}${COLLEGES[i % COLLEGES.length]}${round ? `（${round + 1}）` : ''}`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese ordinal numeral for 1..99: 一, 十, 十二, 二十, 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10),
    ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

export const UNIVERSITY_NAME = '华夏理工大学党委';
