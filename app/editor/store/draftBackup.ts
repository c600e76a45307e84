// A copy of the unsaved draft in localStorage, so a crash or a reload loses
// at most the last moment of edits. Written (throttled) on every change,
// cleared once the server has everything.
const PREFIX = "switchboard:draft:";

export interface DraftBackup {
  savedAt: number;
  baseRevision: number;
  document: unknown;
}

export function readDraftBackup(flowId: string): DraftBackup | null {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + flowId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as DraftBackup;
    return typeof parsed.savedAt === "number" && parsed.document ? parsed : null;
  } catch {
    return null;
  }
}

export function writeDraftBackup(flowId: string, backup: DraftBackup): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + flowId, JSON.stringify(backup));
  } catch {
    // Quota exceeded or storage disabled: the server save still runs.
  }
}

export function clearDraftBackup(flowId: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + flowId);
  } catch {
    // Ignore.
  }
}
