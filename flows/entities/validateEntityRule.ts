import type { Problem } from "../nodes/defineNode";
import type { EntityRule } from "./entityRule";
import { compileRegex, looksCatastrophic } from "./matchRegex";

/** Problems in an entity rule beyond its schema; `path` is relative to the rule. */
export function validateEntityRule(rule: EntityRule): Omit<Problem, "nodeId">[] {
  const problems: Omit<Problem, "nodeId">[] = [];
  if (rule.type === "regex") {
    const compiled = compileRegex(rule.pattern, rule.flags);
    if (typeof compiled === "string") {
      problems.push({ severity: "error", code: "invalid_regex", message: `Invalid pattern: ${compiled}`, path: ["pattern"] });
    } else if (looksCatastrophic(rule.pattern)) {
      problems.push({
        severity: "warning",
        code: "slow_regex",
        message: "This pattern repeats a repeated group (like (a+)+), which can be very slow on some answers",
        path: ["pattern"],
      });
    }
  }
  if (rule.type === "number" && rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
    problems.push({ severity: "error", code: "number_range", message: `Minimum ${rule.min} is above maximum ${rule.max}`, path: ["min"] });
  }
  if (rule.type === "options") {
    const seen = new Set<string>();
    rule.options.forEach((option, index) => {
      const key = option.value.trim().toLowerCase();
      if (seen.has(key)) {
        problems.push({ severity: "error", code: "duplicate_option", message: `Option "${option.value}" is listed twice`, path: ["options", index, "value"] });
      }
      seen.add(key);
    });
  }
  return problems;
}
