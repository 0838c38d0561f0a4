import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

/** Traditional characters (規模以上, 增長) as simplified ones, via OpenCC's Hong Kong/Taiwan tables. */
export function toSimplified(text: string): string {
  const convert = converter ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  converter = convert;
  return convert(text);
}
