import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../ingest/normalize.js';
import { splitParagraphs } from '../../../ingest/paragraphs.js';
import { splitArticles } from '../../../ingest/scope/articles.js';
import { inferSubjectRegion } from '../../../ingest/scope/subject-region.js';

function paragraphsOf(text: string) {
  const normalized = normalizeText(text);
  return { normalized, paragraphs: splitParagraphs(normalized) };
}

const subject = (text: string) => inferSubjectRegion(paragraphsOf(text).paragraphs)?.region;

describe('splitArticles', () => {
  it('starts an article at every source-address line, keeping the text in between whole', () => {
    const text = '来源: https://a.example.cn/1.html\n第一篇标题\n全省工业增长5%。\n\n来源: http://b.example.cn/2.html\n第二篇正文。\n';
    const { normalized, paragraphs } = paragraphsOf(text);
    const articles = splitArticles(paragraphs, normalized.text.length);
    expect(articles).toHaveLength(2);
    expect(normalized.text.slice(articles[1].start, articles[1].end)).toContain('第二篇正文');
    expect(normalized.text.slice(articles[0].start, articles[0].end)).not.toContain('第二篇');
    expect(articles[0].end).toBe(articles[1].start);
  });

  it('also starts one at a source line naming a site rather than an address', () => {
    const text = '来源: example.cn(转载某日报), 2025-02-26\n第一篇标题\n全省工业增长5%。\n\n来源：某某日报\n第二篇正文。\n';
    const { normalized, paragraphs } = paragraphsOf(text);
    expect(splitArticles(paragraphs, normalized.text.length)).toHaveLength(2);
  });

  it('keeps a file without such lines as one article', () => {
    const { normalized, paragraphs } = paragraphsOf('标题\n第一段。\n第二段。');
    expect(splitArticles(paragraphs, normalized.text.length)).toHaveLength(1);
  });
});

describe('inferSubjectRegion', () => {
  it('takes the region next to an agency, not the city of the byline', () => {
    expect(subject('人民网长沙3月2日电 记者从江西省工业和信息化厅获悉，全省规上工业增加值增长6%。')).toBe('江西');
  });

  it('lets 全市 pick the city over the province it names in passing', () => {
    expect(subject('洛阳市工业经济稳中向好。全市规上工业增加值增长7%，居河南省前列。全市新增企业120家。')).toBe('洛阳');
  });

  it('reads a county named bare when it is the subject throughout', () => {
    expect(subject('昆山市政府工作报告\n过去一年，全市规上工业产值增长5%，昆山制造业加快转型，昆山企业效益回升。苏州下达的任务全面完成。')).toBe('昆山');
  });

  it('sees a list of a city\'s districts as parts of the city', () => {
    expect(subject('据成都市统计局数据，全市工业增长5%。其中武侯区（6.1%）、锦江区（5.8%）、金牛区（5.2%）位列前三。')).toBe('成都');
  });

  it('reads a continuation clip that names only its province as the region of the clip before it', () => {
    const { paragraphs } = paragraphsOf('二、2025年目标任务\n全市将奋力建设经济强省、美丽河北，全市规上工业增加值增长6%左右。');
    expect(inferSubjectRegion(paragraphs, '廊坊')?.region).toBe('廊坊');
    expect(inferSubjectRegion(paragraphs)?.region).toBe('河北');
  });

  it('does not read a rank within the province (全省第一) as the article being about the province', () => {
    expect(subject('某网讯 3月5日,桐城市工业推进会召开,动员全市上下奋力攻坚。桐城市规上工业企业560家、居全省县级前列,增速全省县域第2。')).toBe('桐城');
  });

  it('takes the city of a county named when 我市 speaks and the city appears only in a company name', () => {
    expect(subject('全市工业运行平稳\n今年以来,我市工业增长5.9%,用电量保持全省第二位。铜鼓县竹木产业营收增长21.3%。某集团宜春基地投产。')).toBe('宜春');
  });

  it('keeps a city named throughout as the subject when its neighbours are named in passing', () => {
    expect(subject('绍兴迈入新阶段。绍兴规上工业增长8%，比肩杭州、宁波。绍兴新增企业300家，绍兴外贸回升，浙江经济稳中有进。')).toBe('绍兴');
  });

  it('reads the issuing government as the level, and 全省首个 as a rank within it', () => {
    expect(subject('各位代表：\n现在，我代表市人民政府向大会报告工作。\n过去一年，全市规上工业增长7%，获批全省首个数字产业园，保定名品走向全国。')).toBe('保定');
  });

  it('takes a county named once when the text speaks as a county and names no other place', () => {
    expect(subject('县工信局获评先进单位\n县工信局全力推动全县工业发展。全县工业用电量增长9%。此外，睢宁获批省级园区。')).toBe('睢宁');
    expect(subject('工信局获评先进单位\n局里推动工业发展。此外，睢宁获批省级园区。')).toBeUndefined();
  });

  it('takes a district named once when the text speaks as a district, and no place from a company name', () => {
    const text = '二、今年工作安排\n区政府工作的总体要求是：稳中求进，建设更好的历下。\n全区规上工业增加值增长6%左右。建成徐州啤酒智能工厂，支持企业上云。';
    expect(subject(text)).toBe('历下');
    expect(subject('建成徐州啤酒智能工厂。支持重点企业上云。')).toBeUndefined();
  });

  it('keeps a county named in full throughout, whatever 全省 awards it, and reads 代理县长 as no place', () => {
    const text = '1月5日，睢宁县人大会议开幕，代理县长作政府工作报告。\n睢宁县晋级全省千亿县。睢宁县规上工业产值增长12%，连续三年获评全省制造业十强县，全省民营经济先进县。睢宁县新增企业80家。';
    expect(subject(text)).toBe('睢宁');
  });

  it('takes the province of the places named when 全省 has no province in view', () => {
    expect(subject('全省工业投资增长5%。其中绵阳市、德阳市、宜宾市增速居前，全省技改投资增长8%。')).toBe('四川');
  });
});

describe('an article that names no place', () => {
  it('takes the region of the nearest article in the file that names one', async () => {
    const { prepareDocument } = await import('../../../ingest/prepare-document.js');
    const text = '来源: https://a.example.cn/1.html\n工业“主引擎”更强。新增规上工业企业18家。\n\n来源: https://a.example.cn/2.html\n合作共建步伐加快。全力争创赣州-龙岩毗邻地区新型功能区。\n摘自《赣州市2026年政府工作报告》';
    const { indicators } = prepareDocument('no-place.txt', text);
    expect(indicators.find((r) => r.raw === '18家')?.region).toBe('赣州');
  });
});
