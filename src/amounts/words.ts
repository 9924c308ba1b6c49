/** Word lists the recognizer consults around a figure. */

/** Measure words after a count (3辆, 5人); a lone Chinese digit is a number only before one of these. */
export const MEASURE_WORDS = [
  "个", "個", "人次", "人", "名", "位", "辆", "輛", "台", "套", "项", "項", "次", "批", "家", "所", "只", "隻", "本", "张",
  "篇", "条", "期", "场", "天", "周", "岁", "间", "部", "座", "处", "件", "份", "户", "类", "支", "架", "艘", "栋",
  "幢", "层", "亩", "公里", "千米", "平方米", "米", "吨", "斤", "公斤", "千克", "小时", "分钟", "倍", "册", "种", "笔",
  "宗", "轮", "届", "级", "块", "塊", "双", "雙", "对", "對", "年", "月", "日", "号", "章", "节", "门", "盒", "箱",
  "片", "颗", "粒", "头", "匹", "棵", "株", "枚", "度", "万", "亿",
];

/** Units that make a figure money, longest first where they share a prefix. */
export const CNY_UNITS = ["元", "圆", "块"];

/** Foreign currencies: amounts in them are not budget money and are not reported at all. */
export const FOREIGN_CURRENCIES = [
  "美元", "美圆", "美金", "美分", "美刀", "欧元", "日元", "日圆", "日币", "日本銭", "港元", "港币", "港幣", "新台币", "台币",
  "臺幣", "英镑", "卢布", "盧布", "泰铢", "韩元", "澳元", "加元", "新加坡元", "瑞士法郎", "法郎", "奈拉", "比特币", "欧",
];

export const APPROX_BEFORE: ReadonlyArray<readonly [string, "about" | "more_than" | "less_than" | "at_least" | "at_most"]> = [
  ["大约", "about"], ["大概", "about"], ["约合", "about"], ["约为", "about"], ["约", "about"],
  ["将近", "less_than"], ["接近", "less_than"], ["近", "less_than"],
  ["不超过", "at_most"], ["不高于", "at_most"], ["不多于", "at_most"], ["最多", "at_most"],
  ["不少于", "at_least"], ["不低于", "at_least"], ["至少", "at_least"],
  ["超过", "more_than"], ["逾", "more_than"], ["多于", "more_than"], ["高于", "more_than"],
  ["不足", "less_than"], ["不到", "less_than"], ["少于", "less_than"], ["低于", "less_than"],
];

export const APPROX_AFTER: ReadonlyArray<readonly [string, "about" | "at_least" | "at_most"]> = [
  ["以上", "at_least"], ["以下", "at_most"], ["以内", "at_most"], ["左右", "about"], ["上下", "about"],
];

export const CHANGE_WORDS: ReadonlyArray<readonly [string, "increase" | "decrease"]> = [
  ["增加", "increase"], ["增长", "increase"], ["上升", "increase"], ["提高", "increase"], ["上涨", "increase"],
  ["增多", "increase"], ["增支", "increase"], ["增收", "increase"],
  ["减少", "decrease"], ["下降", "decrease"], ["降低", "decrease"], ["下调", "decrease"], ["压减", "decrease"],
  ["缩减", "decrease"], ["节约", "decrease"], ["节省", "decrease"], ["回落", "decrease"], ["减支", "decrease"],
];

/** Words that introduce a figure and are not part of its label. */
export const LABEL_TRAILING_STOP = [
  "共计安排", "合计安排", "预算安排", "预计为", "预算为", "共计为", "合计为", "总计为", "共计", "合计", "总计", "小计", "累计", "安排",
  "达到", "分别为", "分别是", "约为", "为", "是", "达", "计", "共", "约", "大约", "了", "的", "总额为",
];
export const LABEL_LEADING_STOP = [
  "其中", "主要为", "主要是", "主要用于", "用于", "包括", "主要包括", "含", "另有", "以及", "和", "及", "其他为", "本年",
];

/** Starting a line with a figure followed by these means the figure is an outline number ("1.一般…"). */
export const LABEL_PUNCT = new Set([
  ",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "、", "。", "，", "；", "：", "！", "？", "（", "）", "\"",
  "'", "‘", "’", "《", "》", "\n", "\r", "\t", "|", "…", "—", "-", "~", "/", "【", "】", " ",
]);

/** What may follow a lone Chinese digit that is a figure: currency, jiao/fen, percent, qualifiers, 个百分点. */
export const LONE_DIGIT_FOLLOWERS = "元圆块角毛分%‰个余多几幾点點成折打";

/** Financial capitals that are also common words (登陆, 大陆): alone they need a unit after them. */
export const CAPITAL_WORD_DIGITS = "陆陸";

/** 个百分点 as PDF text may space it out. */
export const PERCENT_POINT_WORDS = ["个百分点", "個百分點"];

/** Currency words and signs before a figure (人民币3.5万元, ￥200) or after it (12.80人民币, 200元人民币). */
export const CURRENCY_WORDS = ["人民币", "人民幣", "RMB", "CNY", "¥", "￥"];

/**
 * After 打 these make it the verb (打造, 打通, 打击, 一打三整治 has a numeral): otherwise a figure before 打 counts
 * dozens (十打苹果 = 120).
 */
export const DA_VERB_NEXT = "造通击擊破好赢贏响響开開印折扫掃卡包工假拼牢算下出入进進掉断斷听聽球车車电電针針扮理扰擾探拐败敗动動发發分给給过過合捞撈压壓赏賞交牌架气氣转轉住成";

/**
 * A lone Chinese digit that stands as a figure by itself: the complement of 是 or 前 closed by the clause (答案是四不是五,
 * 排名前三的): the characters before it, and those that may follow it besides the end of the text and punctuation.
 */
export const BARE_DIGIT_BEFORE = "是前";
export const BARE_DIGIT_AFTER = "那这不而却";
/** After 前 a rank also ends at 的 (排名前三的品牌). */
export const RANK_DIGIT_AFTER = "的名位";
/** Quotes around a lone digit make it the numeral itself (“一”和“五”). */
export const OPEN_QUOTES = "“「『\"'‘";
export const CLOSE_QUOTES = "”」』\"'’";
/** Punctuation that closes a clause after a bare digit. */
export const CLAUSE_END = "。，,.；;：:？?！!、）)";
