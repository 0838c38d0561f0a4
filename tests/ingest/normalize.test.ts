import { describe, expect, it } from 'vitest';
import { isHeadingLike, normalizeText, toSourceSpan } from '../../ingest/normalize.js';
import { SEED, SEED_IDS, comparable, seedText, seededRandom, withoutBoilerplate } from '../fixtures/seeds.js';

const clean = (source: string) => normalizeText(source).text;

describe('normalizeText: line breaks', () => {
  it('joins a PDF line break inside a word (003: 高于规上 / 工业)', () => {
    const source = '高技术制造业增加值增长15.7%，高于规上\n\n工业10.6个百分点，增长贡献率63.5%；';
    expect(clean(source)).toBe('高技术制造业增加值增长15.7%，高于规上工业10.6个百分点，增长贡献率63.5%；');
  });

  it('joins the real 003 column text, including a number split from its unit', () => {
    const text = clean(seedText(SEED.wuhanH1));
    expect(text).toContain('高于规上工业10.6个百分点');
    expect(text).toContain('紧盯11个重点区、12个重点行业和50户重点企业');
    expect(text).toContain('连续18个月两位数增长');
    expect(text).toContain('动态建立起500余家企业');
  });

  it('joins a magazine page break inside a word (000: 5G+工 / 业互联网)', () => {
    expect(clean(seedText(SEED.hubei2024))).toContain('连续五年成功举办中国5G+工业互联网大会');
  });

  it('drops a photo caption credited to its photographer, so the paragraph around it rejoins no place', () => {
    const source = '一季度，全区工业增长8%。\n\n某园区内，工人正在调试设备。张三摄（资料图）\n\n今年以来，全区推进新型工业化。';
    expect(clean(source)).not.toContain('工人正在调试设备');
    expect(clean(source)).toContain('今年以来，全区推进新型工业化。');
  });

  it('does not join a heading to the paragraph after it', () => {
    const source = '全力推动工业经济实现总体平稳、稳中有进。\n\n2024年重点工作\n\n一是聚焦聚力稳增长，工业经济稳中向好。';
    expect(clean(source)).toBe('全力推动工业经济实现总体平稳、稳中有进。\n2024年重点工作\n一是聚焦聚力稳增长，工业经济稳中向好。');
  });

  it('does not join a heading to a paragraph that does not start with an enumerator', () => {
    const source = '2025年工作思路\n\n2025年，湖北经信系统将以“五大工程”为突破口。';
    expect(clean(source)).toBe('2025年工作思路\n2025年，湖北经信系统将以“五大工程”为突破口。');
  });

  it('keeps the seed section headings on lines of their own', () => {
    const lines = (id: string) => clean(seedText(id)).split('\n');
    expect(lines(SEED.hubei2024)).toEqual(expect.arrayContaining(['2024年重点工作', '2025年工作思路']));
    expect(lines(SEED.hubei2025)).toEqual(expect.arrayContaining(['2025年工作亮点', '2026年工作重点']));
    expect(lines(SEED.hunanGuangdong).filter((l) => l === '2026年工作思路')).toHaveLength(2);
  });

  it('starts a paragraph at a bullet and after terminal punctuation', () => {
    const source = '五大工程成效明显。\n●1—11月，湖北规上工业增加值同比增长7.7%。\n二是聚焦聚力优结构';
    expect(clean(source).split('\n')).toEqual([
      '五大工程成效明显。',
      '●1—11月，湖北规上工业增加值同比增长7.7%。',
      '二是聚焦聚力优结构',
    ]);
  });

  // A narrow line that starts a block looks like a heading, but a dictionary word running across the
  // break (产业转|型, 万兆光|网) shows it was wrapped. A break between two whole words (共建联合|研究室)
  // is not detected: a known limit.
  it('joins 003 column lines that cut a word even when the first line starts a block', () => {
    const text = clean(seedText(SEED.wuhanH1));
    expect(text).toContain('从项目建设的“热火朝天”到产业转型的“向新向强”');
    expect(text).toContain('4个项目入选工信部“万兆光网”试点');
  });

  // A sub-heading with a comma above a long paragraph stays on its own line (004). Above a short
  // PDF column line (003: "民营经济枝繁叶茂，根系深扎沃土") it cannot be told from a wrapped line: a known limit.
  it('keeps comma-separated sub-headings above a paragraph on their own line (004)', () => {
    const lines004 = clean(seedText(SEED.hunanGuangdong)).split('\n');
    expect(lines004).toContain('聚焦“补短板”推动产业创新，国家和省重大战略任务进度超前');
    expect(lines004).toContain('“项目为王”抓实工业投资，一大批重大项目竣工投产形成新增量');
  });
});

describe('normalizeText: characters', () => {
  it('removes markdown bold markers', () => {
    expect(clean('●前三季度，湖南工业经济增长**7.8%**，居全国第**10**。')).toBe('●前三季度，湖南工业经济增长7.8%，居全国第10。');
    expect(clean('分别增长**15.3%**和**12.0%**。')).toBe('分别增长15.3%和12.0%。');
  });

  it('keeps a lone asterisk', () => {
    expect(clean('注*为预计值。')).toBe('注*为预计值。');
  });

  it('turns half-width punctuation into full width, except , and : between digits', () => {
    expect(clean('编者按:2025年,全省经信系统(湖北)成效显著!')).toBe('编者按：2025年，全省经信系统（湖北）成效显著！');
    expect(clean('累计服务1,000家企业。')).toBe('累计服务1,000家企业。');
    expect(clean('发布日期:2025-04-08 09:19')).toBe('发布日期：2025-04-08 09:19');
  });

  it('folds full-width digits, letters and % to ASCII', () => {
    expect(clean('增长１５．３％，ＡＩ赋能')).toBe('增长15.3%，AI赋能');
  });

  it('removes spaces between CJK characters but keeps them between Latin words', () => {
    expect(clean('湖北统筹推进“五大工程” 奋力创建')).toBe('湖北统筹推进“五大工程”奋力创建');
    expect(clean('规上工业利润总额增长 22.8%，从 AI 芯片')).toBe('规上工业利润总额增长22.8%，从AI芯片');
    expect(clean('认真筹办APEC SME部长会议')).toBe('认真筹办APEC SME部长会议');
  });
});

describe('normalizeText: boilerplate', () => {
  it('drops web furniture lines (IPV6, 扫一扫, 已阅/点赞 with U+2002 spaces)', () => {
    const source =
      '网站支持IPV6\n\n无障碍 长者版\n\n|智能问答\n\n湖北经信这一年\n\n相关附件:\n\n扫一扫在手机上查看当前页面\n\n' +
      '\u2002已阅\u20021265\u2002\u2002点赞\u200268';
    expect(clean(source)).toBe('湖北经信这一年');
  });

  it('drops the real 001 header and footer', () => {
    const text = clean(seedText(SEED.hubei2025));
    expect(text.startsWith('湖北经信这一年\n')).toBe(true);
    expect(text).not.toMatch(/IPV6|扫一扫|已阅|点赞|智能问答/);
    expect(text.endsWith('提升行业治理体系和治理能力现代化水平。')).toBe(true);
  });

  it('drops magazine furniture (扫码订刊, 每期定价, 联系电话)', () => {
    const text = clean(seedText(SEED.hubei2024));
    expect(text).not.toMatch(/扫码订刊|期刊官微|每期定价|联系电话|XIN XING|理论性/);
  });

  it('drops photo captions and lets the interrupted paragraph rejoin', () => {
    const before = '以“链主+链长+链创”融合机制推动12个新兴产业发展壮大，扎实推进人形机器人突破、6G创新发展等未来产业';
    const source = `${before}\n\n\n\n图为华工科技面向化合物半导体开发的系列设备\n\n八大重点工程，脑机接口系统进入临床。`;
    expect(clean(source)).toBe(`${before}八大重点工程，脑机接口系统进入临床。`);
    expect(clean(seedText(SEED.hubei2024))).toContain('6G创新发展等未来产业八大重点工程');
    for (const id of SEED_IDS) expect(clean(seedText(id))).not.toContain('图为');
  });

  // BUG: the page marker " 特4 奋勇争先 当好龙头" at the end of 003 survives as "特4奋勇争先当好龙头":
  // the /^特\d+\s/ boilerplate pattern is tested after whitespace has already been removed from the
  // line. Suspected: normalizeText (BOILERPLATE matched against line.clean).
  it('drops the newspaper page marker "特4 奋勇争先 当好龙头"', () => {
    expect(clean('今年一季度，规模以上高技术制造业增加值增长20.1%。\n 特4 奋勇争先 当好龙头\n')).toBe(
      '今年一季度，规模以上高技术制造业增加值增长20.1%。',
    );
  });
});

describe('isHeadingLike', () => {
  it('accepts a short unpunctuated line that starts a block', () => {
    expect(isHeadingLike('2024年重点工作', true)).toBe(true);
    expect(isHeadingLike('2026年工作思路', true, 60)).toBe(true);
  });

  it('rejects lines that continue a block, end a sentence, end open, or are long', () => {
    expect(isHeadingLike('2024年重点工作', false)).toBe(false);
    expect(isHeadingLike('一是聚焦聚力稳增长。', true)).toBe(false);
    expect(isHeadingLike('全力推动工业经济的', true)).toBe(false);
    expect(isHeadingLike('聚焦重点产业链，持续完善融合机制', true)).toBe(false);
    expect(isHeadingLike('湖'.repeat(41), true)).toBe(false);
  });

  it('rejects a PDF column line as wide as its neighbours, accepts a clearly narrower one', () => {
    expect(isHeadingLike('这些突破均来自武汉首批十家产业创新联合', true, 20)).toBe(false);
    expect(isHeadingLike('多个新兴产业未来产业保持两位数增长', true, 24)).toBe(true);
  });
});

describe('toSourceSpan', () => {
  it('maps a clean span past removed bold markers to the exact number in the source', () => {
    const source = '●前三季度，湖南工业经济增长**7.8%**，居全国第**10**。';
    const normalized = normalizeText(source);
    const at = normalized.text.indexOf('7.8%');
    const span = toSourceSpan(normalized, at, at + '7.8%'.length);
    expect(source.slice(span.start, span.end)).toBe('7.8%');
  });

  it('maps a span across a joined line break to the source including the break', () => {
    const source = '增长15.7%，高于规上\n\n工业10.6个百分点；';
    const normalized = normalizeText(source);
    const at = normalized.text.indexOf('规上工业');
    const span = toSourceSpan(normalized, at, at + 4);
    expect(source.slice(span.start, span.end)).toBe('规上\n\n工业');
  });

  // BUG: normalizeText moves "度性交易成本等761亿元。" above the call-out box (moveContinuationsAboveBullets,
  // commit e9e456a) so the sentence reads whole, but the clean→source map then goes backwards: the
  // clean span "761亿元。\n●" maps to an inverted source span, and the span of the whole clean
  // text no longer reaches "度性交易成本等761亿元。". Suspected: normalizeText + toSourceSpan (a
  // single [start,end) cannot cover reordered text; keep source order or return covering spans).
  it('never maps a clean span to an inverted or non-covering source span (call-out box inside a sentence)', () => {
    const source =
      '前三季度，帮助企业降低生产要素成本、制\n\n●1—11月，湖北规上工业增加值同比增长**7.7%**。\n\n度性交易成本等761亿元。';
    const normalized = normalizeText(source);
    const { text } = normalized;
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 1; j <= text.length; j++) {
        const span = toSourceSpan(normalized, i, j);
        expect(span.start, `clean [${i},${j})`).toBeLessThan(span.end);
      }
    }
    const whole = toSourceSpan(normalized, 0, text.length);
    expect(source.slice(whole.start, whole.end)).toContain('度性交易成本等761亿元。');
  });

  it('keeps offsets absolute when boilerplate lines come first', () => {
    const source = '网站支持IPV6\n\n湖北经信这一年';
    const normalized = normalizeText(source);
    const span = toSourceSpan(normalized, 0, normalized.text.length);
    expect(source.slice(span.start, span.end)).toBe('湖北经信这一年');
  });
});

describe('the offset contract on every seed', () => {
  for (const id of SEED_IDS) {
    describe(id, () => {
      const source = seedText(id);
      const normalized = normalizeText(source);

      it('has one strictly increasing, in-range source offset per clean character', () => {
        const { text, map } = normalized;
        expect(map).toHaveLength(text.length);
        for (let i = 0; i < map.length; i++) {
          expect(map[i]).toBeGreaterThanOrEqual(0);
          expect(map[i]).toBeLessThan(source.length);
          if (i > 0) expect(map[i]).toBeGreaterThan(map[i - 1]);
        }
      });

      it('maps every clean character to a source character that reads the same', () => {
        const { text, map } = normalized;
        const mismatches: string[] = [];
        for (let i = 0; i < text.length; i++) {
          const from = source[map[i]];
          const ok = text[i] === '\n' || text[i] === ' ' ? /\s/.test(from) : comparable(from) === comparable(text[i]);
          if (!ok) mismatches.push(`${i}: clean ${JSON.stringify(text[i])} ← source ${JSON.stringify(from)}`);
        }
        expect(mismatches).toEqual([]);
      });

      it('maps random clean spans to source spans covering the same characters', () => {
        const random = seededRandom(id.length * 7919 + source.length);
        const { text } = normalized;
        const failures: string[] = [];
        for (let n = 0; n < 400; n++) {
          const start = Math.floor(random() * text.length);
          const end = Math.min(text.length, start + 1 + Math.floor(random() * 200));
          const span = toSourceSpan(normalized, start, end);
          const sourceSide = comparable(withoutBoilerplate(source.slice(span.start, span.end)));
          const cleanSide = comparable(text.slice(start, end));
          if (sourceSide !== cleanSide) failures.push(`[${start},${end}) clean=${cleanSide.slice(0, 40)} source=${sourceSide.slice(0, 40)}`);
        }
        expect(failures).toEqual([]);
      });

      it('maps every paragraph to a source span starting and ending on the same characters', () => {
        let offset = 0;
        for (const paragraph of normalized.text.split('\n')) {
          if (paragraph.length > 0) {
            const span = toSourceSpan(normalized, offset, offset + paragraph.length);
            const slice = source.slice(span.start, span.end);
            expect(comparable(slice[0])).toBe(comparable(paragraph[0]));
            expect(comparable(slice[slice.length - 1])).toBe(comparable(paragraph[paragraph.length - 1]));
            expect(comparable(withoutBoilerplate(slice))).toBe(comparable(paragraph));
          }
          offset += paragraph.length + 1;
        }
      });
    });
  }
});

describe('normalizeText: headings and breaks', () => {
  it('keeps a year heading on its own line even when a dictionary word runs across the break', () => {
    const text = normalizeText('现在，我代表政府作报告。\n2024年和“十三五”工作回顾\n过去一年，我们坚持稳中求进，全市经济平稳增长。').text;
    expect(text.split('\n')).toContain('2024年和“十三五”工作回顾');
  });

  it('ends a paragraph at an empty line, but not in double-spaced text', () => {
    expect(normalizeText('来源: https://a.example.cn/1.html\n全省工业增长\n\n第二篇开头').text.split('\n')).toEqual([
      '来源：https：//a.example.cn/1.html',
      '全省工业增长',
      '第二篇开头',
    ]);
    const doubleSpaced = '今年以来，全市工业\n\n经济运行平稳，规上\n\n工业增加值增长\n\n百分之五。';
    expect(normalizeText(doubleSpaced).text).toBe('今年以来，全市工业经济运行平稳，规上工业增加值增长百分之五。');
  });
});

