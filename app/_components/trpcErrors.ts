import { TRPCClientError } from "@trpc/client";

export interface ServerProblem {
  path: string;
  message: string;
}

/** The tRPC error code ("CONFLICT", "BAD_REQUEST"…) of any thrown value, or null. */
export function trpcErrorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: unknown } | undefined;
    if (typeof data?.code === "string") return data.code;
  }
  return null;
}

/** Looks for a key on the error's data wherever the server put it (data, data.cause, shape.data, cause). */
export function trpcErrorField(error: unknown, key: string): unknown {
  if (!(error instanceof TRPCClientError)) return undefined;
  const candidates: unknown[] = [error.data, (error.data as Record<string, unknown> | undefined)?.cause, error.shape?.data, error.cause, error.shape];
  for (const candidate of candidates) {
    if (candidate && typeof candidate === "object" && key in candidate) return (candidate as Record<string, unknown>)[key];
  }
  return undefined;
}

/** Problems with paths, from a BAD_REQUEST (import, publish) or a flattened zod error. */
export function trpcProblems(error: unknown): ServerProblem[] {
  const problems = trpcErrorField(error, "problems");
  if (Array.isArray(problems)) {
    return problems.map((p) => {
      const record = (p ?? {}) as Record<string, unknown>;
      const rawPath = record.path;
      const path = Array.isArray(rawPath) ? rawPath.join(".") : typeof rawPath === "string" ? rawPath : "";
      let message = typeof record.message === "string" ? record.message : JSON.stringify(p);
      // Some messages repeat their path ("name: Flow name is empty"); the path is shown separately.
      if (path && message.startsWith(`${path}: `)) message = message.slice(path.length + 2);
      return { path, message };
    });
  }
  const zodError = trpcErrorField(error, "zodError") as { fieldErrors?: Record<string, string[]>; formErrors?: string[] } | null | undefined;
  if (zodError) {
    return [
      ...(zodError.formErrors ?? []).map((message) => ({ path: "", message })),
      ...Object.entries(zodError.fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message }))),
    ];
  }
  return [];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
