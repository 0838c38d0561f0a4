import { describe, expect, it } from 'vitest';
import { cleanMetricPhrase, qualifierBefore, splitSubjectList } from '../../../ingest/indicators/metric-phrase.js';

describe('cleanMetricPhrase', () => {
  it('drops time words, scope words, a leading region and qualifier verbs', () => {
    expect(cleanMetricPhrase('1—11月，全省规模以上工业增加值同比增长')).toBe('规模以上工业增加值同比增长');
    expect(cleanMetricPhrase('算力规模突破')).toBe('算力规模');
    expect(cleanMetricPhrase('力争算力总规模超')).toBe('算力总规模');
    expect(cleanMetricPhrase('湖北规上工业增加值同比增长')).toBe('规上工业增加值同比增长');
    expect(cleanMetricPhrase('今年以来，全省数字经济规模有望达到')).toBe('数字经济规模');
  });

  it('drops quotes so 专精特新“小巨人”企业 reads as one name', () => {
    expect(cleanMetricPhrase('国家级专精特新“小巨人”企业达到')).toBe('国家级专精特新小巨人企业');
  });
});

describe('qualifierBefore', () => {
  it.each([
    ['算力规模突破', '突破'],
    ['上链企业超', '超'],
    ['签约项目金额约', '约'],
    ['全年营收有望达', '有望达'],
    ['省级专精特新中小企业近', '近'],
    ['工业投资增长', ''],
  ])('%s → %s', (left, qualifier) => {
    expect(qualifierBefore(left)).toBe(qualifier);
  });
});

describe('splitSubjectList', () => {
  it('gives the head noun written once at the end to every item', () => {
    expect(splitSubjectList('汽车整车、新能源汽车产量')).toEqual(['汽车整车产量', '新能源汽车产量']);
    expect(splitSubjectList('工业投资、技改投资')).toEqual(['工业投资', '技改投资']);
    expect(splitSubjectList('新一代信息技术、新能源产业产值')).toEqual(['新一代信息技术产值', '新能源产业产值']);
  });

  it('leaves a single subject alone', () => {
    expect(splitSubjectList('规上工业增加值')).toEqual(['规上工业增加值']);
  });
});
