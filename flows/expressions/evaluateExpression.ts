import jexlDefault from "jexl";
import type { Variables } from "../engine/types";

/** A condition or assignment expression that could not be parsed or evaluated. */
export class ExpressionError extends Error {
  constructor(
    readonly expression: string,
    reason: string,
  ) {
    super(`Expression "${expression}" is invalid: ${reason}`);
    this.name = "ExpressionError";
  }
}

/**
 * Evaluates an expression over flow variables with Jexl: an interpreter with no
 * access to JavaScript globals, so staff-written expressions cannot run code.
 * Examples: `orderStatus == "shipped"`, `attempts >= 3 && !vip`, `name|lower == "amy"`.
 */
export function evaluateExpression(expression: string, variables: Variables): unknown {
  const compiled = compileExpression(expression);
  try {
    return compiled.evalSync({ ...variables });
  } catch (error) {
    throw new ExpressionError(expression, error instanceof Error ? error.message : String(error));
  }
}

/** Parses without evaluating, for validation in the editor. Returns the error message or null. */
export function checkExpression(expression: string): string | null {
  try {
    compileExpression(expression);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const jexl = createJexl();
const compiledCache = new Map<string, ReturnType<typeof jexl.compile>>();

function compileExpression(expression: string) {
  const cached = compiledCache.get(expression);
  if (cached) return cached;
  if (expression.trim() === "") throw new ExpressionError(expression, "it is empty");
  let compiled;
  try {
    compiled = jexl.compile(expression);
  } catch (error) {
    throw new ExpressionError(expression, error instanceof Error ? error.message : String(error));
  }
  if (compiledCache.size > 5000) compiledCache.clear();
  compiledCache.set(expression, compiled);
  return compiled;
}

function createJexl() {
  const instance = new jexlDefault.Jexl();
  instance.addTransform("lower", (value: unknown) => String(value ?? "").toLowerCase());
  instance.addTransform("upper", (value: unknown) => String(value ?? "").toUpperCase());
  instance.addTransform("trim", (value: unknown) => String(value ?? "").trim());
  instance.addTransform("length", (value: unknown) =>
    Array.isArray(value) || typeof value === "string" ? value.length : 0,
  );
  instance.addTransform("number", (value: unknown) => Number(value));
  instance.addTransform("join", (value: unknown, separator: unknown = ", ") =>
    Array.isArray(value) ? value.join(String(separator)) : String(value ?? ""),
  );
  instance.addTransform("string", (value: unknown) => String(value ?? ""));
  instance.addFunction("contains", (haystack: unknown, needle: unknown) =>
    Array.isArray(haystack) ? haystack.includes(needle) : String(haystack ?? "").includes(String(needle)),
  );
  return instance;
}
