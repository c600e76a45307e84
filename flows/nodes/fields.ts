import { z } from "zod";

/** A flow variable name: what `{{name}}` templates and expressions refer to. */
export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _ only, starting with a letter or _");

/** Stable id of a list item that an output (and so an edge) attaches to; survives renames. */
export const itemIdSchema = z
  .string()
  .min(1, "Id is empty")
  .meta({ title: "Id", description: "Stable id that edges attach to. Keep it when renaming." });

/** Problems for list items whose ids repeat or collide with a fixed output id. */
export function duplicateIdProblems(
  items: readonly { id: string }[],
  listKey: string,
  reserved: readonly string[],
): { severity: "error"; code: string; message: string; path: (string | number)[] }[] {
  const seen = new Set<string>(reserved);
  const problems: { severity: "error"; code: string; message: string; path: (string | number)[] }[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      problems.push({
        severity: "error",
        code: "duplicate_output_id",
        message: reserved.includes(item.id) ? `Id "${item.id}" is reserved` : `Id "${item.id}" is used twice`,
        path: [listKey, index, "id"],
      });
    }
    seen.add(item.id);
  });
  return problems;
}
