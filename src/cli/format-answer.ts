import type { AskResponse } from '../answer/answer.js';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  mark: (s: string) => string;
}

export function style(enabled: boolean): Style {
  const wrap = (open: string, close: string) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap('1', '22'), dim: wrap('2', '22'), mark: wrap('33', '39') };
}

/** The answer, then the sources its [n] markers point to, then the indicator rows used. */
export function formatAnswer(response: AskResponse, s: Style, verbose = false): string {
  const lines: string[] = [];
  lines.push(response.status === 'not_found' ? `${s.mark('未找到')} ${response.answer}` : s.bold(response.answer));
  if (response.citations.length) {
    lines.push('', s.bold('来源'));
    for (const c of response.citations) {
      const where = c.page ? ` 第${c.page}页` : c.headingPath ? ` ${c.headingPath.join(' › ')}` : '';
      lines.push(`  [${c.n}] ${c.title} ${s.dim(`(${c.docId}${where} ${c.start}–${c.end})`)}`);
      lines.push(`      “${c.quote}”`);
    }
  }
  const rows = response.status === 'not_found' ? response.related : response.indicators;
  if (rows.length) {
    lines.push('', s.bold(response.status === 'not_found' ? '报告中的相关数据' : '指标'));
    for (const row of rows) {
      lines.push(`  ${row.region} ${row.period} ${row.metric} ${row.qualifier}${row.raw} ${s.dim(`(${row.kind}, [${row.citation}])`)}`);
    }
  }
  if (verbose) {
    const dense = response.retrieval.dense;
    lines.push('', s.dim(`检索器: ${response.retrieval.retrievers.join(' + ')}${dense.active ? '' : `（dense 关闭: ${dense.reason ?? ''}）`}`));
    lines.push(s.dim(`用时: ${Math.round(response.timingMs.total ?? 0)} ms`));
  }
  return lines.join('\n');
}
