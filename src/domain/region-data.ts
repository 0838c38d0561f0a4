/**
 * Static gazetteer data for src/domain/regions.ts: China's 34 provincial-level divisions and the
 * 333 prefecture-level divisions of the mainland (2024), plus Hubei's four 省直辖县级行政单位.
 * Pure data; every rule about how to match it lives in regions.ts.
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

/**
 * Prefecture-level divisions by province short name, as full names. The short name is the full name
 * minus 市/地区/盟/林区 unless CITY_SHORT_NAMES says otherwise.
 */
export const CITIES: Readonly<Record<string, readonly string[]>> = {
  河北: ['石家庄市', '唐山市', '秦皇岛市', '邯郸市', '邢台市', '保定市', '张家口市', '承德市', '沧州市', '廊坊市', '衡水市'],
  山西: ['太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市', '晋中市', '运城市', '忻州市', '临汾市', '吕梁市'],
  内蒙古: [
    '呼和浩特市', '包头市', '乌海市', '赤峰市', '通辽市', '鄂尔多斯市', '呼伦贝尔市', '巴彦淖尔市', '乌兰察布市',
    '兴安盟', '锡林郭勒盟', '阿拉善盟',
  ],
  辽宁: [
    '沈阳市', '大连市', '鞍山市', '抚顺市', '本溪市', '丹东市', '锦州市', '营口市', '阜新市', '辽阳市', '盘锦市',
    '铁岭市', '朝阳市', '葫芦岛市',
  ],
  吉林: ['长春市', '吉林市', '四平市', '辽源市', '通化市', '白山市', '松原市', '白城市', '延边朝鲜族自治州'],
  黑龙江: [
    '哈尔滨市', '齐齐哈尔市', '鸡西市', '鹤岗市', '双鸭山市', '大庆市', '伊春市', '佳木斯市', '七台河市', '牡丹江市',
    '黑河市', '绥化市', '大兴安岭地区',
  ],
  江苏: [
    '南京市', '无锡市', '徐州市', '常州市', '苏州市', '南通市', '连云港市', '淮安市', '盐城市', '扬州市', '镇江市',
    '泰州市', '宿迁市',
  ],
  浙江: ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'],
  安徽: [
    '合肥市', '芜湖市', '蚌埠市', '淮南市', '马鞍山市', '淮北市', '铜陵市', '安庆市', '黄山市', '滁州市', '阜阳市',
    '宿州市', '六安市', '亳州市', '池州市', '宣城市',
  ],
  福建: ['福州市', '厦门市', '莆田市', '三明市', '泉州市', '漳州市', '南平市', '龙岩市', '宁德市'],
  江西: ['南昌市', '景德镇市', '萍乡市', '九江市', '新余市', '鹰潭市', '赣州市', '吉安市', '宜春市', '抚州市', '上饶市'],
  山东: [
    '济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '日照市',
    '临沂市', '德州市', '聊城市', '滨州市', '菏泽市',
  ],
  河南: [
    '郑州市', '开封市', '洛阳市', '平顶山市', '安阳市', '鹤壁市', '新乡市', '焦作市', '濮阳市', '许昌市', '漯河市',
    '三门峡市', '南阳市', '商丘市', '信阳市', '周口市', '驻马店市',
  ],
  湖北: [
    '武汉市', '黄石市', '十堰市', '宜昌市', '襄阳市', '鄂州市', '荆门市', '孝感市', '荆州市', '黄冈市', '咸宁市',
    '随州市', '恩施土家族苗族自治州',
    // 省直辖县级行政单位: Hubei reports list them alongside the prefectures.
    '仙桃市', '潜江市', '天门市', '神农架林区',
  ],
  湖南: [
    '长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市',
    '怀化市', '娄底市', '湘西土家族苗族自治州',
  ],
  广东: [
    '广州市', '韶关市', '深圳市', '珠海市', '汕头市', '佛山市', '江门市', '湛江市', '茂名市', '肇庆市', '惠州市',
    '梅州市', '汕尾市', '河源市', '阳江市', '清远市', '东莞市', '中山市', '潮州市', '揭阳市', '云浮市',
  ],
  广西: [
    '南宁市', '柳州市', '桂林市', '梧州市', '北海市', '防城港市', '钦州市', '贵港市', '玉林市', '百色市', '贺州市',
    '河池市', '来宾市', '崇左市',
  ],
  海南: ['海口市', '三亚市', '三沙市', '儋州市'],
  四川: [
    '成都市', '自贡市', '攀枝花市', '泸州市', '德阳市', '绵阳市', '广元市', '遂宁市', '内江市', '乐山市', '南充市',
    '眉山市', '宜宾市', '广安市', '达州市', '雅安市', '巴中市', '资阳市', '阿坝藏族羌族自治州', '甘孜藏族自治州',
    '凉山彝族自治州',
  ],
  贵州: [
    '贵阳市', '六盘水市', '遵义市', '安顺市', '毕节市', '铜仁市', '黔西南布依族苗族自治州', '黔东南苗族侗族自治州',
    '黔南布依族苗族自治州',
  ],
  云南: [
    '昆明市', '曲靖市', '玉溪市', '保山市', '昭通市', '丽江市', '普洱市', '临沧市', '楚雄彝族自治州',
    '红河哈尼族彝族自治州', '文山壮族苗族自治州', '西双版纳傣族自治州', '大理白族自治州', '德宏傣族景颇族自治州',
    '怒江傈僳族自治州', '迪庆藏族自治州',
  ],
  西藏: ['拉萨市', '日喀则市', '昌都市', '林芝市', '山南市', '那曲市', '阿里地区'],
  陕西: ['西安市', '铜川市', '宝鸡市', '咸阳市', '渭南市', '延安市', '汉中市', '榆林市', '安康市', '商洛市'],
  甘肃: [
    '兰州市', '嘉峪关市', '金昌市', '白银市', '天水市', '武威市', '张掖市', '平凉市', '酒泉市', '庆阳市', '定西市',
    '陇南市', '临夏回族自治州', '甘南藏族自治州',
  ],
  青海: [
    '西宁市', '海东市', '海北藏族自治州', '黄南藏族自治州', '海南藏族自治州', '果洛藏族自治州', '玉树藏族自治州',
    '海西蒙古族藏族自治州',
  ],
  宁夏: ['银川市', '石嘴山市', '吴忠市', '固原市', '中卫市'],
  新疆: [
    '乌鲁木齐市', '克拉玛依市', '吐鲁番市', '哈密市', '昌吉回族自治州', '博尔塔拉蒙古自治州', '巴音郭楞蒙古自治州',
    '阿克苏地区', '克孜勒苏柯尔克孜自治州', '喀什地区', '和田地区', '伊犁哈萨克自治州', '塔城地区', '阿勒泰地区',
  ],
};

/**
 * Short names that cannot be derived by dropping 市/地区/盟/林区: autonomous prefectures drop their
 * ethnic designation, and two cities keep a suffix because their bare name is a province
 * (吉林 = 吉林省, 海南 = 海南省).
 */
export const CITY_SHORT_NAMES: Readonly<Record<string, string>> = {
  吉林市: '吉林市',
  海南藏族自治州: '海南州',
  延边朝鲜族自治州: '延边',
  恩施土家族苗族自治州: '恩施',
  湘西土家族苗族自治州: '湘西',
  阿坝藏族羌族自治州: '阿坝',
  甘孜藏族自治州: '甘孜',
  凉山彝族自治州: '凉山',
  黔西南布依族苗族自治州: '黔西南',
  黔东南苗族侗族自治州: '黔东南',
  黔南布依族苗族自治州: '黔南',
  楚雄彝族自治州: '楚雄',
  红河哈尼族彝族自治州: '红河',
  文山壮族苗族自治州: '文山',
  西双版纳傣族自治州: '西双版纳',
  大理白族自治州: '大理',
  德宏傣族景颇族自治州: '德宏',
  怒江傈僳族自治州: '怒江',
  迪庆藏族自治州: '迪庆',
  临夏回族自治州: '临夏',
  甘南藏族自治州: '甘南',
  海北藏族自治州: '海北',
  黄南藏族自治州: '黄南',
  果洛藏族自治州: '果洛',
  玉树藏族自治州: '玉树',
  海西蒙古族藏族自治州: '海西',
  昌吉回族自治州: '昌吉',
  博尔塔拉蒙古自治州: '博尔塔拉',
  巴音郭楞蒙古自治州: '巴音郭楞',
  克孜勒苏柯尔克孜自治州: '克孜勒苏',
  伊犁哈萨克自治州: '伊犁',
};

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
  '粤港澳', '京津冀', '长三角', '长江三角洲', '珠三角', '珠江三角洲', '成渝', '川渝', '江浙沪', '苏浙沪',
  '沪苏浙', '陕甘宁', '呼包鄂',
  // words that straddle a city name
  '推广', '确保', '巩固', '平安', '增长', '大连接', '出海口', '入海口', '沿海口', '大理石', '文山会海',
  '南平台', '四平台', '德州仪器',
  // words containing a matched abbreviation
  '犹豫', '希冀', '晋级', '晋升', '辽阔', '鲁棒', '粗鲁', '桂冠', '津贴', '川崎', '川流',
];
