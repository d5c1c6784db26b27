/**
 * Checks a scheme an admin edits before it is saved or used. Returns every problem found, each with the
 * slash-separated path of its field and a message in Chinese and English; an empty list means valid.
 */
import { hasAtMostTwoDecimals, toHundredths } from './exact.ts';
import type { Band, LocalizedText, Scheme, SchemeIssue, SchemeIssueCode, SchemeRule } from './types.ts';

const ruleKinds = new Set(['count', 'lateness', 'bands', 'target', 'manual']);
const bandOps = new Set(['gte', 'gt', 'lt', 'lte']);
const ruleScopes = new Set(['own', 'team', 'project']);

/** Total of the weights (权数) of a scheme: the document's table adds up to 100 points. */
export const REQUIRED_WEIGHT_TOTAL = 100;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function show(value: unknown): string {
  return isNumber(value) ? String(Number.parseFloat(value.toPrecision(12))) : String(value);
}

/** Keys become part of row keys (`2.1:manual:7`), so they must be non-empty and free of ':'. */
function isValidKey(key: unknown): key is string {
  return typeof key === 'string' && key.trim() !== '' && !key.includes(':') && key.length <= 50;
}

export function validateScheme(scheme: Scheme): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const add = (path: string, code: SchemeIssueCode, zh: string, en: string) => {
    const message: LocalizedText = { 'zh-CN': zh, 'en-US': en };
    issues.push({ path, code, message });
  };

  const items = Array.isArray(scheme?.items) ? scheme.items : [];
  if (items.length === 0) {
    add('items', 'ITEMS_REQUIRED', '方案至少需要一个考核项', 'A scheme needs at least one item');
    return issues;
  }

  let weightTotal = 0;
  const itemKeys = new Set<string>();
  const ruleKeys = new Set<string>();
  items.forEach((item, i) => {
    const at = `items/${i}`;
    const itemName = isValidKey(item.key) ? item.key : `#${i + 1}`;
    if (!isValidKey(item.key)) {
      add(
        `${at}/key`,
        'KEY_INVALID',
        `第 ${i + 1} 个考核项的编号不能为空，且不能含冒号`,
        `Item #${i + 1}: key must be non-empty, without ':'`,
      );
    } else if (itemKeys.has(item.key)) {
      add(
        `${at}/key`,
        'DUPLICATE_ITEM_KEY',
        `考核项编号 ${item.key} 重复`,
        `Item key ${item.key} is used twice`,
      );
    } else {
      itemKeys.add(item.key);
    }
    if (!isNumber(item.seq)) {
      add(
        `${at}/seq`,
        'SEQ_INVALID',
        `考核项 ${itemName} 的序号必须是数字`,
        `Item ${itemName}: order must be a number`,
      );
    }
    if (typeof item.name !== 'string' || item.name.trim() === '') {
      add(
        `${at}/name`,
        'NAME_REQUIRED',
        `考核项 ${itemName} 的工作项目名称不能为空`,
        `Item ${itemName}: name is required`,
      );
    }
    const weightValid = isNumber(item.weight) && item.weight >= 0;
    if (!weightValid) {
      add(
        `${at}/weight`,
        'WEIGHT_INVALID',
        `考核项 ${itemName} 的权数必须是不小于 0 的数，当前为 ${show(item.weight)}`,
        `Item ${itemName}: weight must be a number ≥ 0, now ${show(item.weight)}`,
      );
    } else if (!hasAtMostTwoDecimals(item.weight)) {
      add(
        `${at}/weight`,
        'PRECISION',
        `考核项 ${itemName} 的权数最多保留两位小数`,
        `Item ${itemName}: weight allows at most two decimals`,
      );
    } else {
      weightTotal += toHundredths(item.weight);
    }

    const rules = Array.isArray(item.rules) ? item.rules : [];
    rules.forEach((rule, j) => {
      validateRule(rule, `${at}/rules/${j}`, j, itemName, weightValid ? item.weight : null, ruleKeys, add);
    });
  });

  // one metric, one scope: a sheet reads each metric once (rules of the same metric count the same people)
  const scopeOfMetric = new Map<string, { scope: string; path: string; rule: string }>();
  items.forEach((item, i) => {
    (Array.isArray(item.rules) ? item.rules : []).forEach((rule, j) => {
      if (typeof rule.metricKey !== 'string' || rule.metricKey === '' || !rule.scope) return;
      const seen = scopeOfMetric.get(rule.metricKey);
      if (!seen) {
        scopeOfMetric.set(rule.metricKey, {
          scope: rule.scope,
          path: `items/${i}/rules/${j}`,
          rule: rule.key,
        });
      } else if (seen.scope !== rule.scope) {
        add(
          `items/${i}/rules/${j}/scope`,
          'SCOPE_INVALID',
          `规则 ${rule.key} 与规则 ${seen.rule} 使用同一指标，统计范围须一致`,
          `Rule ${rule.key} reads the same metric as rule ${seen.rule}: their scopes must be the same`,
        );
      }
    });
  });

  if (weightTotal !== REQUIRED_WEIGHT_TOTAL * 100) {
    const now = show(weightTotal / 100);
    add('items', 'WEIGHTS_TOTAL', `权数合计必须为 100，当前为 ${now}`, `Weights must total 100, now ${now}`);
  }
  return issues;
}

function validateRule(
  rule: SchemeRule,
  at: string,
  index: number,
  itemName: string,
  itemWeight: number | null,
  ruleKeys: Set<string>,
  add: (path: string, code: SchemeIssueCode, zh: string, en: string) => void,
): void {
  const name = isValidKey(rule.key) ? rule.key : `${itemName}#${index + 1}`;
  if (!isValidKey(rule.key)) {
    add(
      `${at}/key`,
      'KEY_INVALID',
      `规则 ${name} 的编号不能为空，且不能含冒号`,
      `Rule ${name}: key must be non-empty, without ':'`,
    );
  } else if (ruleKeys.has(rule.key)) {
    add(`${at}/key`, 'DUPLICATE_RULE_KEY', `规则编号 ${rule.key} 重复`, `Rule key ${rule.key} is used twice`);
  } else {
    ruleKeys.add(rule.key);
  }
  if (!isNumber(rule.seq)) {
    add(`${at}/seq`, 'SEQ_INVALID', `规则 ${name} 的序号必须是数字`, `Rule ${name}: order must be a number`);
  }
  if (typeof rule.text !== 'string' || rule.text.trim() === '') {
    add(
      `${at}/text`,
      'TEXT_REQUIRED',
      `规则 ${name} 的考核办法不能为空`,
      `Rule ${name}: the assessment method text is required`,
    );
  }
  if (!ruleKinds.has(rule.kind)) {
    add(
      `${at}/kind`,
      'KIND_INVALID',
      `规则 ${name} 的类型无效：${show(rule.kind)}`,
      `Rule ${name}: unknown kind ${show(rule.kind)}`,
    );
  }

  if (!isNumber(rule.cap) || rule.cap < 0) {
    add(
      `${at}/cap`,
      'CAP_INVALID',
      `规则 ${name} 的扣减分数必须是不小于 0 的数，当前为 ${show(rule.cap)}`,
      `Rule ${name}: maximum deduction must be a number ≥ 0, now ${show(rule.cap)}`,
    );
  } else if (!hasAtMostTwoDecimals(rule.cap)) {
    add(
      `${at}/cap`,
      'PRECISION',
      `规则 ${name} 的扣减分数最多保留两位小数`,
      `Rule ${name}: maximum deduction allows at most two decimals`,
    );
  } else if (itemWeight !== null && toHundredths(rule.cap) > toHundredths(itemWeight)) {
    add(
      `${at}/cap`,
      'CAP_EXCEEDS_WEIGHT',
      `规则 ${name} 的扣减分数 ${show(rule.cap)} 超过所属考核项 ${itemName} 的权数 ${show(itemWeight)}`,
      `Rule ${name}: maximum deduction ${show(rule.cap)} exceeds the weight ${show(itemWeight)} of item ${itemName}`,
    );
  }

  if (!isNumber(rule.pointsPerUnit) || rule.pointsPerUnit < 0) {
    add(
      `${at}/pointsPerUnit`,
      'POINTS_PER_UNIT_INVALID',
      `规则 ${name} 的单位扣分必须是不小于 0 的数，当前为 ${show(rule.pointsPerUnit)}`,
      `Rule ${name}: points per unit must be a number ≥ 0, now ${show(rule.pointsPerUnit)}`,
    );
  } else if (!hasAtMostTwoDecimals(rule.pointsPerUnit)) {
    add(
      `${at}/pointsPerUnit`,
      'PRECISION',
      `规则 ${name} 的单位扣分最多保留两位小数`,
      `Rule ${name}: points per unit allow at most two decimals`,
    );
  }

  if (rule.scope !== undefined && rule.scope !== null && !ruleScopes.has(rule.scope)) {
    add(
      `${at}/scope`,
      'SCOPE_INVALID',
      `规则 ${name} 的统计范围无效：${show(rule.scope)}（应为本人、本班组或本项目）`,
      `Rule ${name}: unknown scope ${show(rule.scope)} (own, team or project)`,
    );
  }

  if (rule.kind === 'bands') {
    const bands = Array.isArray(rule.bands) ? rule.bands : [];
    if (bands.length === 0) {
      add(
        `${at}/bands`,
        'BANDS_REQUIRED',
        `规则 ${name} 为分档扣分，至少需要一个扣分档`,
        `Rule ${name}: a bands rule needs at least one band`,
      );
    }
    for (const [k, band] of bands.entries()) validateBand(band, `${at}/bands/${k}`, name, k, add);
  }

  if (rule.kind === 'target') {
    const target = rule.targetBp;
    if (!isNumber(target) || !Number.isInteger(target) || target < 0 || target > 10000) {
      add(
        `${at}/targetBp`,
        'TARGET_INVALID',
        `规则 ${name} 的目标完成率必须是 0 至 10000 之间的整数（万分比），当前为 ${show(target)}`,
        `Rule ${name}: target must be an integer from 0 to 10000 basis points, now ${show(target)}`,
      );
    }
  }
}

function validateBand(
  band: Band,
  at: string,
  ruleName: string,
  index: number,
  add: (path: string, code: SchemeIssueCode, zh: string, en: string) => void,
): void {
  const which = `规则 ${ruleName} 的第 ${index + 1} 个扣分档`;
  const whichEn = `Rule ${ruleName}, band #${index + 1}`;
  if (band === null || typeof band !== 'object') {
    add(at, 'BAND_INVALID', `${which}无效`, `${whichEn} is invalid`);
    return;
  }
  if (!bandOps.has(band.op)) {
    add(
      `${at}/op`,
      'BAND_INVALID',
      `${which}的比较方式无效：${show(band.op)}`,
      `${whichEn}: unknown comparison ${show(band.op)}`,
    );
  }
  if (!isNumber(band.thresholdBp) || !Number.isInteger(band.thresholdBp) || band.thresholdBp < 0) {
    add(
      `${at}/thresholdBp`,
      'BAND_INVALID',
      `${which}的阈值必须是不小于 0 的整数（万分比），当前为 ${show(band.thresholdBp)}`,
      `${whichEn}: threshold must be an integer ≥ 0 in basis points, now ${show(band.thresholdBp)}`,
    );
  }
  if (!isNumber(band.points) || band.points < 0 || !hasAtMostTwoDecimals(band.points)) {
    add(
      `${at}/points`,
      'BAND_INVALID',
      `${which}的扣分必须是不小于 0、最多两位小数的数，当前为 ${show(band.points)}`,
      `${whichEn}: points must be ≥ 0 with at most two decimals, now ${show(band.points)}`,
    );
  }
}
