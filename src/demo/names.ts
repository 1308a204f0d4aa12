/**
 * Word lists the name generators draw from. They follow how names are formed in practice:
 * enterprises by 企业名称登记管理规定 (行政区划 + 字号 + 行业 + 组织形式), people from the surnames
 * common in Fujian (陈 and 林 lead: “陈林半天下”).
 */

/** Economic sector of a subject; records pick subjects whose sector fits the violation or licence. */
export type Sector =
  | 'catering'
  | 'food'
  | 'retail'
  | 'manufacturing'
  | 'chemical'
  | 'construction'
  | 'real_estate'
  | 'transport'
  | 'tech'
  | 'health'
  | 'tourism'
  | 'culture'
  | 'services'
  | 'finance'
  | 'agriculture';

/** Surnames with rough relative frequencies for Fujian. */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['陈', 120], ['林', 100], ['黄', 55], ['郑', 40], ['王', 35], ['张', 30], ['李', 30], ['刘', 25],
  ['吴', 25], ['杨', 18], ['许', 15], ['蔡', 14], ['谢', 14], ['游', 10], ['叶', 12], ['邱', 10],
  ['洪', 9], ['周', 10], ['曾', 9], ['魏', 8], ['江', 8], ['何', 7], ['翁', 8], ['卢', 7], ['潘', 6],
  ['詹', 5], ['高', 6], ['薛', 5], ['施', 5], ['方', 6], ['赖', 5], ['肖', 5], ['余', 5], ['徐', 6],
  ['朱', 5], ['杜', 3], ['池', 3], ['官', 2], ['傅', 4], ['罗', 5], ['苏', 5], ['严', 3], ['庄', 4],
  ['丁', 3], ['萧', 2], ['康', 3], ['雷', 3], ['董', 3], ['孙', 4], ['钟', 4], ['姚', 3], ['欧阳', 1],
  ['上官', 0.5],
];

/** Characters of men's given names. */
export const MALE_GIVEN = [
  '伟', '强', '明', '华', '建', '军', '勇', '杰', '涛', '斌', '辉', '鹏', '磊', '峰', '龙', '文', '志', '国', '海', '锋',
  '浩', '宇', '晨', '俊', '鑫', '凯', '炜', '彬', '昊', '宏', '德', '福', '荣', '金', '水', '清', '平', '忠', '旺', '春',
  '振', '子', '轩', '泽', '博', '睿', '航', '毅', '坤', '铭', '晖', '榕', '新', '光', '良', '成', '永', '东', '祥', '长',
] as const;

/** Characters of women's given names. */
export const FEMALE_GIVEN = [
  '芳', '丽', '娟', '敏', '静', '燕', '婷', '秀', '玲', '红', '霞', '梅', '兰', '英', '琴', '萍', '慧', '颖', '雪', '琳',
  '晶', '洁', '欣', '怡', '佳', '萱', '涵', '雯', '婧', '娜', '玉', '凤', '珍', '莉', '倩', '蓉', '月', '璐', '瑶', '妍',
  '榕', '春', '美', '惠', '清', '华', '青', '金', '钦', '爱',
] as const;

/** Characters enterprises choose for their 字号: auspicious, commercial, local. */
export const BRAND_CHARS = [
  '华', '信', '达', '鑫', '恒', '泰', '瑞', '源', '盛', '宏', '博', '嘉', '兴', '丰', '永', '安', '和', '利', '顺', '福',
  '祥', '康', '德', '明', '新', '创', '联', '中', '海', '闽', '榕', '融', '天', '金', '宝', '隆', '昌', '荣', '升', '腾',
  '飞', '星', '辰', '宇', '航', '智', '慧', '聚', '汇', '通', '远', '正', '诚', '立', '建', '峰', '润', '泽', '凯', '旭',
  '晟', '昊', '鼎', '坤', '骏', '卓', '越', '佳', '优', '尚', '锦', '云', '霖', '江', '东', '南', '益', '茂',
  '致', '格', '力', '众', '合', '君', '尊', '诺', '恩', '铭', '弘', '亿', '万', '元', '亨', '畅', '捷', '迅', '佑', '雅',
  '禾', '朗', '奕', '策', '拓', '展', '协', '成', '晋', '高', '宁', '佰', '千', '百', '启', '帆', '宸', '璟', '玺',
] as const;

/** 行业表述 of enterprise names, with the sector they belong to and a relative frequency. */
export const ENTERPRISE_INDUSTRIES: ReadonlyArray<readonly [string, Sector, number]> = [
  ['电子科技', 'tech', 6], ['信息技术', 'tech', 6], ['网络科技', 'tech', 6], ['数字科技', 'tech', 3], ['软件开发', 'tech', 2],
  ['贸易', 'retail', 8], ['商贸', 'retail', 8], ['进出口贸易', 'retail', 3], ['供应链管理', 'retail', 3], ['百货', 'retail', 2],
  ['食品', 'food', 5], ['水产', 'food', 3], ['茶业', 'food', 3], ['生鲜超市', 'food', 2], ['农产品', 'food', 2],
  ['餐饮管理', 'catering', 5], ['餐饮', 'catering', 3], ['酒店管理', 'tourism', 3],
  ['建筑工程', 'construction', 5], ['建设工程', 'construction', 4], ['装饰工程', 'construction', 4], ['市政工程', 'construction', 2],
  ['房地产开发', 'real_estate', 2], ['置业', 'real_estate', 2], ['物业管理', 'real_estate', 3],
  ['物流', 'transport', 4], ['运输', 'transport', 3], ['汽车服务', 'transport', 2], ['汽车租赁', 'transport', 1],
  ['机械设备', 'manufacturing', 3], ['电器', 'manufacturing', 2], ['纺织', 'manufacturing', 2], ['服装', 'manufacturing', 2],
  ['鞋业', 'manufacturing', 2], ['塑胶制品', 'manufacturing', 2], ['包装材料', 'manufacturing', 2], ['家具', 'manufacturing', 2],
  ['新材料', 'manufacturing', 2], ['精密机械', 'manufacturing', 1], ['印刷', 'manufacturing', 1],
  ['化工', 'chemical', 2], ['石化', 'chemical', 1], ['涂料', 'chemical', 1], ['环保科技', 'chemical', 2],
  ['医药', 'health', 2], ['大药房', 'health', 2], ['医疗器械', 'health', 2], ['健康管理', 'health', 1], ['口腔门诊部', 'health', 1],
  ['旅行社', 'tourism', 2], ['文化传媒', 'culture', 4], ['广告', 'culture', 2], ['文化娱乐', 'culture', 1], ['教育咨询', 'culture', 2],
  ['劳务派遣', 'services', 2], ['人力资源', 'services', 2], ['企业管理咨询', 'services', 3], ['家政服务', 'services', 1],
  ['投资', 'finance', 2], ['实业', 'finance', 2], ['农业开发', 'agriculture', 2], ['生态农业', 'agriculture', 1],
];

/** 行业 of 个体工商户 names, with the sector and a relative frequency; several are Fuzhou specialities. */
export const SHOP_KINDS: ReadonlyArray<readonly [string, Sector, number]> = [
  ['小吃店', 'catering', 10], ['沙县小吃店', 'catering', 5], ['拌面扁肉店', 'catering', 4], ['鱼丸店', 'catering', 3],
  ['锅边店', 'catering', 2], ['肉燕店', 'catering', 1], ['光饼店', 'catering', 2], ['快餐店', 'catering', 5],
  ['早餐店', 'catering', 4], ['餐馆', 'catering', 4], ['海鲜排档', 'catering', 2], ['农家菜馆', 'catering', 2],
  ['水果店', 'food', 5], ['便利店', 'food', 6], ['副食店', 'food', 4], ['茶叶店', 'food', 3], ['烟酒商行', 'food', 3],
  ['五金店', 'retail', 4], ['服装店', 'retail', 4], ['建材店', 'retail', 2], ['手机维修店', 'retail', 2], ['文具店', 'retail', 2],
  ['理发店', 'services', 4], ['美发店', 'services', 3], ['洗衣店', 'services', 2], ['汽车维修部', 'transport', 3],
  ['电动车维修店', 'transport', 2], ['旅馆', 'tourism', 2], ['网吧', 'culture', 1],
];

/** Traditional forms of simplified characters that occur in names, for deliberately messy submissions. */
export const TRADITIONAL: Readonly<Record<string, string>> = {
  华: '華', 贸: '貿', 电: '電', 门: '門', 发: '發', 业: '業', 务: '務', 东: '東', 广: '廣', 设: '設', 计: '計', 网: '網', 络: '絡',
  达: '達', 龙: '龍', 汇: '匯', 兴: '興', 丰: '豐', 顺: '順', 宝: '寶', 长: '長', 乐: '樂', 区: '區', 县: '縣', 楼: '樓', 仓: '倉',
  马: '馬', 晋: '晉', 闽: '閩', 连: '連', 罗: '羅', 饮: '飲', 饭: '飯', 馆: '館', 车: '車', 运: '運', 输: '輸', 环: '環', 药: '藥',
  医: '醫', 疗: '療', 机: '機', 装: '裝', 饰: '飾', 筑: '築', 劳: '勞', 动: '動', 实: '實', 国: '國', 际: '際', 资: '資', 产: '產',
  开: '開', 应: '應', 链: '鏈', 术: '術', 传: '傳', 农: '農', 鱼: '魚', 厅: '廳', 烧: '燒', 陈: '陳', 黄: '黃', 郑: '鄭', 刘: '劉',
  杨: '楊', 吴: '吳', 张: '張', 赵: '趙', 万: '萬', 亿: '億', 韩: '韓', 钟: '鍾', 锦: '錦', 众: '眾', 协: '協', 诚: '誠', 诺: '諾',
  铭: '銘', 远: '遠', 进: '進', 恒: '恆', 荣: '榮', 泽: '澤', 润: '潤', 腾: '騰', 飞: '飛', 创: '創', 联: '聯', 汤: '湯', 园: '園',
  庄: '莊', 杂: '雜', 货: '貨', 饼: '餅', 鲜: '鮮', 烟: '煙', 维: '維', 师: '師', 养: '養', 会: '會', 学: '學', 数: '數', 软: '軟',
  纺: '紡', 织: '織', 围: '圍', 团: '團',
};
