// Module resolve hook: a specifier ending in ".node" (our node-type modules are
// named like intent.node.ts) that Node/tsx cannot find is retried as
// "<specifier>.ts". Node treats ".node" as the native-addon extension, so tsx
// in ESM mode does not append ".ts" to such imports.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND" && /\.node$/.test(specifier)) {
      return nextResolve(`${specifier}.ts`, context);
    }
    throw error;
  }
}
