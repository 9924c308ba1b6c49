/**
 * The national classification lists, by code and name, for tables that print names only: the 功能分类 类 (complete),
 * its 款 and 项 as far as we hold them (function-pairs.ts), and the 部门预算 / 政府预算 支出经济分类 类 and 款
 * (complete, 财预〔2017〕98号 as revised to 2024). A name is looked up under its parent's code, so 行政运行 is
 * 2010101 under 20101 and 2240101 under 22401; a name that maps to two codes under one parent maps to none.
 */
import type { Classification } from "../../model/index.js";
import { FUNCTION_PAIRS } from "./function-pairs.js";
import { printedNameKey } from "../meta/names.js";
import { FUNCTION_CLASS_LIST } from "../catalog/classes.js";



const ECONOMIC_DEPT = `
301 工资福利支出
30101 基本工资
30102 津贴补贴
30103 奖金
30106 伙食补助费
30107 绩效工资
30108 机关事业单位基本养老保险缴费|机关事业单位基本养老保险费
30109 职业年金缴费
30110 职工基本医疗保险缴费
30111 公务员医疗补助缴费
30112 其他社会保障缴费
30113 住房公积金
30114 医疗费
30199 其他工资福利支出
302 商品和服务支出
30201 办公费
30202 印刷费
30203 咨询费
30204 手续费
30205 水费
30206 电费
30207 邮电费
30208 取暖费
30209 物业管理费
30211 差旅费
30212 因公出国(境)费用|因公出国(境)费
30213 维修(护)费
30214 租赁费
30215 会议费
30216 培训费
30217 公务接待费
30218 专用材料费
30224 被装购置费
30225 专用燃料费
30226 劳务费
30227 委托业务费
30228 工会经费
30229 福利费
30231 公务用车运行维护费
30239 其他交通费用
30240 税金及附加费用
30299 其他商品和服务支出
303 对个人和家庭的补助|对个人和家庭补助
30301 离休费
30302 退休费
30303 退职(役)费
30304 抚恤金
30305 生活补助
30306 救济费
30307 医疗费补助
30308 助学金
30309 奖励金
30310 个人农业生产补贴
30311 代缴社会保险费
30399 其他对个人和家庭的补助|其他对个人和家庭的补助支出
307 债务利息及费用支出
30701 国内债务付息
30702 国外债务付息
30703 国内债务发行费用
30704 国外债务发行费用
309 资本性支出(基本建设)
30901 房屋建筑物购建
30902 办公设备购置
30903 专用设备购置
30905 基础设施建设
30906 大型修缮
30907 信息网络及软件购置更新
30908 物资储备
30913 公务用车购置
30919 其他交通工具购置
30921 文物和陈列品购置
30922 无形资产购置
30999 其他基本建设支出
310 资本性支出
31001 房屋建筑物购建
31002 办公设备购置
31003 专用设备购置
31005 基础设施建设
31006 大型修缮
31007 信息网络及软件购置更新
31008 物资储备
31009 土地补偿
31010 安置补助
31011 地上附着物和青苗补偿
31012 拆迁补偿
31013 公务用车购置
31019 其他交通工具购置
31021 文物和陈列品购置
31022 无形资产购置
31099 其他资本性支出
311 对企业补助(基本建设)
31101 资本金注入
31199 其他对企业补助
312 对企业补助
31201 资本金注入
31203 政府投资基金股权投资
31204 费用补贴
31205 利息补贴
31299 其他对企业补助
313 对社会保障基金补助
31302 对社会保险基金补助
31303 补充全国社会保障基金
31304 对机关事业单位职业年金的补助
399 其他支出
39906 赠与
39907 国家赔偿费用支出
39908 对民间非营利组织和群众性自治组织补贴
39909 经常性赠与
39910 资本性赠与
39999 其他支出`;

const ECONOMIC_GOV = `
501 机关工资福利支出
50101 工资奖金津补贴
50102 社会保障缴费
50103 住房公积金
50199 其他工资福利支出
502 机关商品和服务支出
50201 办公经费
50202 会议费
50203 培训费
50204 专用材料购置费
50205 委托业务费
50206 公务接待费
50207 因公出国(境)费用
50208 公务用车运行维护费
50209 维修(护)费
50299 其他商品和服务支出
503 机关资本性支出(一)
504 机关资本性支出(二)
505 对事业单位经常性补助
50501 工资福利支出
50502 商品和服务支出
50599 其他对事业单位补助
506 对事业单位资本性补助
507 对企业补助
508 对企业资本性支出
509 对个人和家庭的补助
50901 社会福利和救助
50902 助学金
50903 个人农业生产补贴
50905 离退休费
50999 其他对个人和家庭补助
510 对社会保障基金补助
511 债务利息及费用支出
512 债务还本支出
513 转移性支出
514 预备费及预留
599 其他支出`;

export interface NationalList {
  /** 类 name key → code. */
  classes: ReadonlyMap<string, string>;
  /** `${parent code}/${name key}` → the child's code, or null where two codes share the name. */
  children: ReadonlyMap<string, string | null>;
  /** Every 款 name key of the list, with the 类 codes it is printed under. */
  kuanNames: ReadonlyMap<string, Set<string>>;
  /** Every 项 name key (function only). */
  xiangNames: ReadonlySet<string>;
}

function buildList(...texts: string[]): NationalList {
  const classes = new Map<string, string>();
  const children = new Map<string, string | null>();
  const kuanNames = new Map<string, Set<string>>();
  const xiangNames = new Set<string>();
  for (const line of texts.join("\n").split("\n")) {
    const m = /^(\d{3}|\d{5}|\d{7}) (.+)$/.exec(line.trim());
    if (!m) continue;
    const [code, names] = [m[1]!, m[2]!.split("|").map(printedNameKey)];
    for (const n of names) {
      if (code.length === 3) classes.set(n, code);
      else {
        const k = `${code.slice(0, code.length - 2)}/${n}`;
        children.set(k, children.has(k) && children.get(k) !== code ? null : code);
        if (code.length === 5) kuanNames.set(n, (kuanNames.get(n) ?? new Set()).add(code.slice(0, 3)));
        else xiangNames.add(n);
      }
    }
  }
  return { classes, children, kuanNames, xiangNames };
}

export const NATIONAL_LISTS: Readonly<Record<Classification, NationalList>> = {
  function: buildList(FUNCTION_CLASS_LIST, FUNCTION_PAIRS),
  economic_dept: buildList(ECONOMIC_DEPT),
  economic_gov: buildList(ECONOMIC_GOV),
};

/**
 * The code of a name under its parent's code. Besides the list, the national list's rules for every 款: its 行政运行,
 * 一般行政管理事务 and 机关服务 are 01, 02 and 03, and "其他" + its own name (+ 支出) is 99 (其他气象事务支出 under
 * 22005 气象事务 is 2200599). Null when the parent's code is unknown or the name is not in the list.
 */
export function childCode(list: NationalList, parentCode: string | null, name: string, parentName: string): string | null {
  if (parentCode === null) return null;
  const key = printedNameKey(name);
  const listed = list.children.get(`${parentCode}/${key}`);
  if (listed !== undefined) return listed;
  const common = parentCode.length === 5 ? COMMON_ITEMS[key] : undefined;
  if (common) return parentCode + common;
  const stem = printedNameKey(parentName).replace(/支出$/, "");
  return key === `其他${stem}支出` ? `${parentCode}99` : null;
}

const COMMON_ITEMS: Readonly<Record<string, string>> = { 行政运行: "01", 一般行政管理事务: "02", 机关服务: "03" };
