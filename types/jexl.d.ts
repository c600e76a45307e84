declare module "jexl" {
  interface CompiledExpression {
    evalSync(context?: Record<string, unknown>): unknown;
  }
  class Jexl {
    compile(expression: string): CompiledExpression;
    evalSync(expression: string, context?: Record<string, unknown>): unknown;
    addTransform(name: string, fn: (value: any, ...args: any[]) => unknown): void;
    addFunction(name: string, fn: (...args: any[]) => unknown): void;
    addBinaryOp(operator: string, precedence: number, fn: (left: any, right: any) => unknown): void;
  }
  const jexl: Jexl & { Jexl: typeof Jexl };
  export default jexl;
}
