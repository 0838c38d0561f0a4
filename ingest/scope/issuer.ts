/** 湖北省经济和信息化厅, 武汉市经济和信息化局, 广东省工业和信息化厅, 市经信局 … */
export const ISSUER_RE =
  /([\u4e00-\u9fa5]{0,12}?(?:省|市|自治区|区|县)?)(?:经济和信息化|工业和信息化|经济与信息化|经信|工信)(?:厅|局|委员会|委)/;

/** Any government body whose name starts with its region: 青海省工业和信息化厅, 银川市统计局, 兵团统计局. */
export const AGENCY_AFTER_REGION_RE =
  /^(?:省|市|自治区|区|县)?(?:经济和信息化|工业和信息化|经济与信息化|经信|工信|统计|发展和改革|发改|人民政府|政府|商务|科技)(?:厅|局|委员会|委|办)?/;

/** A line that is only an issuer (with perhaps a timestamp), not a title that names one. */
export function isIssuerLine(text: string): boolean {
  const m = ISSUER_RE.exec(text);
  return m !== null && text.replace(m[0], '').replace(/[\d\s:：\-]/g, '').length === 0;
}
