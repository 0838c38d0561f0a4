/**
 * Gazetteer data for src/domain/regions.ts that the division dataset (GB/T 2260, read in
 * divisions.ts) does not carry: one-character abbreviations, customary short names, and the words
 * that must not be read as places. Pure data; every rule about how to match it lives in regions.ts.
 */

export interface ProvinceRecord {
  name: string;
  fullName: string;
  /** One-character abbreviations, first is the official one (川 before 蜀). */
  abbreviations: readonly string[];
  aliases?: readonly string[];
}

export const PROVINCES: readonly ProvinceRecord[] = [
  { name: '北京', fullName: '北京市', abbreviations: ['京'] },
  { name: '天津', fullName: '天津市', abbreviations: ['津'] },
  { name: '河北', fullName: '河北省', abbreviations: ['冀'] },
  { name: '山西', fullName: '山西省', abbreviations: ['晋'] },
  { name: '内蒙古', fullName: '内蒙古自治区', abbreviations: ['蒙'], aliases: ['内蒙'] },
  { name: '辽宁', fullName: '辽宁省', abbreviations: ['辽'] },
  { name: '吉林', fullName: '吉林省', abbreviations: ['吉'] },
  { name: '黑龙江', fullName: '黑龙江省', abbreviations: ['黑'] },
  { name: '上海', fullName: '上海市', abbreviations: ['沪'] },
  { name: '江苏', fullName: '江苏省', abbreviations: ['苏'] },
  { name: '浙江', fullName: '浙江省', abbreviations: ['浙'] },
  { name: '安徽', fullName: '安徽省', abbreviations: ['皖'] },
  { name: '福建', fullName: '福建省', abbreviations: ['闽'] },
  { name: '江西', fullName: '江西省', abbreviations: ['赣'] },
  { name: '山东', fullName: '山东省', abbreviations: ['鲁'] },
  { name: '河南', fullName: '河南省', abbreviations: ['豫'] },
  { name: '湖北', fullName: '湖北省', abbreviations: ['鄂'] },
  { name: '湖南', fullName: '湖南省', abbreviations: ['湘'] },
  { name: '广东', fullName: '广东省', abbreviations: ['粤'] },
  { name: '广西', fullName: '广西壮族自治区', abbreviations: ['桂'] },
  { name: '海南', fullName: '海南省', abbreviations: ['琼'] },
  { name: '重庆', fullName: '重庆市', abbreviations: ['渝'] },
  { name: '四川', fullName: '四川省', abbreviations: ['川', '蜀'] },
  { name: '贵州', fullName: '贵州省', abbreviations: ['贵', '黔'] },
  { name: '云南', fullName: '云南省', abbreviations: ['云', '滇'] },
  { name: '西藏', fullName: '西藏自治区', abbreviations: ['藏'] },
  { name: '陕西', fullName: '陕西省', abbreviations: ['陕', '秦'] },
  { name: '甘肃', fullName: '甘肃省', abbreviations: ['甘', '陇'] },
  { name: '青海', fullName: '青海省', abbreviations: ['青'] },
  { name: '宁夏', fullName: '宁夏回族自治区', abbreviations: ['宁'] },
  { name: '新疆', fullName: '新疆维吾尔自治区', abbreviations: ['新'] },
  { name: '台湾', fullName: '台湾省', abbreviations: ['台'] },
  { name: '香港', fullName: '香港特别行政区', abbreviations: ['港'] },
  { name: '澳门', fullName: '澳门特别行政区', abbreviations: ['澳'] },
];

/** Customary names beyond "<short>州", which regions.ts adds for every 自治州 (恩施州, 湘西州). */
export const CITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  博尔塔拉: ['博州'],
  巴音郭楞: ['巴州'],
  克孜勒苏: ['克州'],
};

/**
 * City short names that only count with their suffix (中山市, 黄山市), because the bare two
 * characters are an ordinary word, another place, or straddle common word boundaries in report text:
 * 中山(大学/路/孙中山) 白山(长白山/白山黑水) 通化(流通化/普通化) 黄山(the mountain) 三明(三明治)
 * 新余(更新余额) 东营(粤东营商) 海东/海北/海西(沿海东部, 海西 = 海峡西岸) 大同(大同小异)
 * 长治(长治久安) 安康(幸福安康/安康杯) 朝阳(朝阳产业/北京朝阳区) 日照(日照时数) 来宾(guests)
 * 白银(silver) 阿里(阿里巴巴) 山南(中山南路) 北海(北海道/北海油田) 兴安(兴安岭/振兴安徽)
 * 河源(黄河源) 新乡(创新乡村) 汉中(在汉中小企业: 汉 = Wuhan).
 */
export const AMBIGUOUS_CITY_NAMES: readonly string[] = [
  '中山', '白山', '通化', '黄山', '三明', '新余', '东营', '海东', '海北', '海西', '大同', '长治',
  '安康', '朝阳', '日照', '来宾', '白银', '阿里', '山南', '北海', '兴安', '河源', '新乡', '汉中',
];

/**
 * Abbreviations worth matching in questions. The others are everyday characters in this text
 * (京东方, 吉利, 黑灯工厂, 复苏, 蒙古族, 昂贵, 云计算, 冷藏, 秦岭, 甘蔗, 青年, 安宁, 新能源, 港口,
 * 澳大利亚, 平台), so a lone 云 or 新 says nothing about a region.
 */
export const MATCHED_ABBREVIATIONS: readonly string[] = [
  '鄂', '湘', '粤', '豫', '冀', '晋', '辽', '皖', '闽', '赣', '鲁', '浙', '沪', '津', '渝', '琼',
  '桂', '川', '蜀', '黔', '滇', '陕', '陇',
];

/**
 * Spans that are skipped as a whole. Multi-region areas name no single region; the ordinary words
 * would otherwise leak a region name across a word boundary (推广元宇宙 → 广元, 巩固原有 → 固原,
 * 大连接 → 大连, 出海口 → 海口) or read a lone character as an abbreviation (犹豫 → 豫).
 */
export const NON_REGION_TERMS: readonly string[] = [
  // areas
  '粤港澳', '京津冀', '京津', '长三角', '长江三角洲', '珠三角', '珠江三角洲', '成渝', '川渝', '江浙沪', '苏浙沪',
  '沪苏浙', '陕甘宁', '呼包鄂',
  // words that straddle a city name
  '推广', '确保', '巩固', '平安', '增长', '大连接', '出海口', '入海口', '沿海口', '大理石', '文山会海',
  '南平台', '四平台', '德州仪器', '代理县长', '管理县',
  // words containing a matched abbreviation
  '犹豫', '希冀', '晋级', '晋升', '辽阔', '鲁棒', '粗鲁', '桂冠', '津贴', '川崎', '川流',
];

/**
 * China's 56 ethnic groups as they appear in the names of autonomous prefectures and counties,
 * so 恩施土家族苗族自治州 shortens to 恩施 and 巴音郭楞蒙古自治州 to 巴音郭楞.
 */
export const ETHNIC_GROUPS: readonly string[] = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 ' +
  '裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ');

/**
 * Administrative units outside GB/T 2260 that reports treat as regions of their own, with the
 * province they lie in.
 */
export const EXTRA_UNITS: ReadonlyArray<{ name: string; fullName: string; province: string; aliases: readonly string[] }> = [
  { name: '兵团', fullName: '新疆生产建设兵团', province: '新疆', aliases: ['新疆兵团'] },
];
