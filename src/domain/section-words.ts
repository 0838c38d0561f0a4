/** Words of a heading that say its section plans ahead (2026年工作思路) or looks back (2025年工作总结). */
export const PLAN_HEADING_WORDS = /(思路|计划|打算|要点|重点|展望|目标|任务|安排|部署|举措|下一步|下阶段|明年)/;
/** A heading over a span already elapsed ("2025年1-9月工业投资建设情况") reports progress, whatever else it names. */
export const PROGRESS_HEADING_WORDS = /\d{1,2}[-—–~至]\d{1,2}月|上半年|前三季度|[一二三四]季度|(运行|完成|进展|建设|执行)情况/;
// "2024年…计划执行情况" reports how the plan went: a review, though it names a 计划.
export const REVIEW_HEADING_WORDS = /(亮点|回顾|成效|成绩|这一年|总结|执行情况)/;

/** A paragraph that opens as an item of the one before ("一是…", "（二）…", "其次…") continues its time. */
// "——高端制造引领功能大幅提升。…": a dash bullet under a "到2025年，…" lead is an item too.
export const LIST_ITEM_OPENING = /^\s*([一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|——|[●•■▲◆]|首先|其次|再次|此外|另外|同时)/;
