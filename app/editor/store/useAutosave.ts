"use client";

// Debounced autosave of the draft (flows.saveDraft with baseRevision), a
// localStorage backup on every change, and a last-chance save when the page
// goes away. On CONFLICT (another tab saved first) it stops and reports the
// server's copy so the shell can ask "Keep mine" or "Load theirs".
import { useCallback, useEffect, useRef, useState } from "react";
import superjson from "superjson";
import { toast } from "sonner";
import { useTRPCClient } from "@/app/_trpc/trpc";
import { errorMessage, trpcErrorCode, trpcErrorField } from "@/app/_components/trpcErrors";
import { clearDraftBackup, writeDraftBackup } from "./draftBackup";
import { useEditorStore } from "./editorStore";

export const AUTOSAVE_DELAY_MS = 600;
/** Backup at most this often, in idle time (a 1,000-node document takes a few ms to serialise). */
const BACKUP_THROTTLE_MS = 300;
/** Browsers cap keepalive request bodies at 64 KiB. */
const KEEPALIVE_LIMIT = 60_000;

export interface DraftConflict {
  currentRevision: number;
  currentDocument: unknown;
}

export interface Autosave {
  conflict: DraftConflict | null;
  /** Saves now if anything is unsaved; resolves true when the server has the latest edits. */
  saveNow(): Promise<boolean>;
  keepMine(): void;
  loadTheirs(): void;
}

export function useAutosave(flowId: string, enabled: boolean): Autosave {
  const client = useTRPCClient();
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const runRef = useRef<() => Promise<boolean>>(async () => true);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backupTimer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: Promise<boolean> | null = null;
    let retryDelay = 0;
    let disposed = false;
    let errorToastShown = false;

    const schedule = (delay = AUTOSAVE_DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delay);
    };

    const backupNow = () => {
      clearTimeout(backupTimer);
      backupTimer = undefined;
      const s = useEditorStore.getState();
      if (s.flowId !== flowId) return;
      if (s.changeId === s.savedChangeId) clearDraftBackup(flowId);
      else writeDraftBackup(flowId, { savedAt: Date.now(), baseRevision: s.revision, document: s.toDocument() });
    };
    const scheduleBackup = () => {
      if (backupTimer !== undefined) return;
      backupTimer = setTimeout(() => {
        if (typeof requestIdleCallback === "function") requestIdleCallback(backupNow, { timeout: 500 });
        else backupNow();
      }, BACKUP_THROTTLE_MS);
    };

    async function save(): Promise<boolean> {
      const s = useEditorStore.getState();
      if (s.flowId !== flowId || s.saveState === "conflict") return false;
      if (s.changeId === s.savedChangeId) return true;
      const changeId = s.changeId;
      s.setSaveState("saving");
      try {
        const result = await client.flows.saveDraft.mutate({ id: flowId, document: s.toDocument(), baseRevision: s.revision });
        if (disposed) return false;
        useEditorStore.getState().markSaved(result.revision, changeId);
        retryDelay = 0;
        errorToastShown = false;
        const after = useEditorStore.getState();
        if (after.changeId === after.savedChangeId) clearDraftBackup(flowId);
        return after.changeId === changeId;
      } catch (error) {
        if (disposed) return false;
        const conflictData = trpcErrorField(error, "conflict") as { currentRevision?: unknown; currentDocument?: unknown } | null | undefined;
        if (trpcErrorCode(error) === "CONFLICT" && conflictData && typeof conflictData.currentRevision === "number") {
          setConflict({ currentRevision: conflictData.currentRevision, currentDocument: conflictData.currentDocument });
          useEditorStore.getState().setSaveState("conflict");
          return false;
        }
        useEditorStore.getState().setSaveState("error");
        retryDelay = Math.min(30_000, Math.max(2_000, retryDelay * 2));
        if (!errorToastShown) {
          toast.error(`Could not save the draft: ${errorMessage(error)}. Retrying…`, { id: "autosave-error" });
          errorToastShown = true;
        }
        schedule(retryDelay);
        return false;
      }
    }

    async function run(): Promise<boolean> {
      clearTimeout(timer);
      while (inFlight) await inFlight;
      inFlight = save();
      const ok = await inFlight;
      inFlight = null;
      const after = useEditorStore.getState();
      if (!disposed && after.changeId !== after.savedChangeId && after.saveState === "dirty") schedule();
      return ok;
    }
    runRef.current = run;

    const unsubscribe = useEditorStore.subscribe((state, previous) => {
      if (state.changeId === previous.changeId || state.flowId !== flowId) return;
      if (state.changeId === state.savedChangeId) return;
      scheduleBackup();
      if (state.saveState !== "conflict") schedule();
    });

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const s = useEditorStore.getState();
      if (s.changeId === s.savedChangeId) return;
      backupNow();
      event.preventDefault();
    };
    const onPageHide = () => {
      const s = useEditorStore.getState();
      if (s.changeId === s.savedChangeId || s.saveState === "conflict") return;
      backupNow();
      const body = JSON.stringify(superjson.serialize({ id: flowId, document: s.toDocument(), baseRevision: s.revision }));
      if (body.length > KEEPALIVE_LIMIT) return; // Too big for keepalive: the localStorage backup covers it.
      void fetch("/api/trpc/flows.saveDraft", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        keepalive: true,
      }).catch(() => {});
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        backupNow();
        void run();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);

    return () => {
      disposed = true;
      clearTimeout(timer);
      if (backupTimer !== undefined) backupNow();
      unsubscribe();
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [client, flowId, enabled]);

  const saveNow = useCallback(() => runRef.current(), []);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    useEditorStore.setState({ revision: conflict.currentRevision, saveState: "dirty" });
    setConflict(null);
    void runRef.current();
  }, [conflict]);

  const loadTheirs = useCallback(() => {
    if (!conflict) return;
    useEditorStore.getState().loadDocument(flowId, conflict.currentDocument, conflict.currentRevision);
    clearDraftBackup(flowId);
    setConflict(null);
  }, [conflict, flowId]);

  return { conflict, saveNow, keepMine, loadTheirs };
}
