// Node module resolve hook for scripts run with tsx. The node registry imports
// "./end/end.node" (files named *.node.ts); tsx 4.23 treats the ".node" suffix
// as a native addon extension and does not try "end.node.ts", so the import
// fails with ERR_MODULE_NOT_FOUND. Vite/vitest and Next resolve it fine. This
// hook retries such relative specifiers with ".ts" appended.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND" && specifier.endsWith(".node") && (specifier.startsWith(".") || specifier.startsWith("/"))) {
      return nextResolve(`${specifier}.ts`, context);
    }
    throw error;
  }
}
