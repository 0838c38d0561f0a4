/** Words of a heading that say its section plans ahead (2026年工作思路) or looks back (2025年工作总结). */
export const PLAN_HEADING_WORDS = /(思路|计划|打算|要点|重点|展望|目标|任务|安排|部署|举措|下一步|下阶段|明年)/;
export const REVIEW_HEADING_WORDS = /(亮点|回顾|成效|成绩|这一年|总结)/;
