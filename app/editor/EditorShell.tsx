"use client";

// The editor layout: header, node palette, canvas, and the right panel with
// Inspector / Test / Problems / JSON tabs. Everything talks through the one
// editor store (app/editor/store/editorStore.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { ReactFlowProvider } from "@xyflow/react";
import {
  AlertTriangle,
  ArrowLeft,
  Check,
  CircleHelp,
  Cloud,
  CloudOff,
  Loader2,
  PanelRightClose,
  PanelRightOpen,
  Redo2,
  Rocket,
  Undo2,
} from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useRef, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { Button, IconButton } from "@/app/_components/Button";
import { Dialog } from "@/app/_components/Dialog";
import { formatRelativeTime } from "@/app/_components/formatTime";
import { errorMessage, trpcErrorCode, trpcProblems } from "@/app/_components/trpcErrors";
import { useTRPC, useTRPCClient, type AppRouter } from "@/app/_trpc/trpc";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { NodePalette } from "./canvas/NodePalette";
import { SHORTCUTS, useEditorShortcuts } from "./canvas/useEditorShortcuts";
import { useProblems } from "./problems/useProblems";
import { clearDraftBackup, readDraftBackup, type DraftBackup } from "./store/draftBackup";
import { useEditorStore, type SaveState } from "./store/editorStore";
import { useAutosave, type Autosave } from "./store/useAutosave";

// The side panel's tabs load in their own chunks, after the canvas: opening a flow needs none of them.
const Inspector = dynamic(() => import("./inspector/Inspector").then((module) => module.Inspector));
const TestChatPane = dynamic(() => import("./testChat/TestChatPane").then((module) => module.TestChatPane));
const ProblemsPanel = dynamic(() => import("./problems/ProblemsPanel").then((module) => module.ProblemsPanel));
const FlowJsonView = dynamic(() => import("./monaco/FlowJsonView").then((module) => module.FlowJsonView));

export type RightTab = "inspector" | "test" | "problems" | "json";

/** flows.get's result (the page may fetch it on the server and pass it in). */
export type FlowDetail = inferRouterOutputs<AppRouter>["flows"]["get"];

export function EditorShell({ flowId, initialFlow }: { flowId: string; initialFlow?: FlowDetail | null }) {
  const trpc = useTRPC();
  const flow = useQuery({
    ...trpc.flows.get.queryOptions({ id: flowId }),
    // Read once per visit: the editor owns the draft from then on. gcTime 0 so a later visit never
    // starts from an old cached copy.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    initialData: initialFlow ?? undefined,
  });
  const [loaded, setLoaded] = useState(false);
  const [restore, setRestore] = useState<DraftBackup | null>(null);

  // Load the server draft once per flow; later refetches never clobber edits.
  useEffect(() => {
    if (!flow.data || loaded) return;
    const store = useEditorStore.getState();
    const { documentJson } = flow.data;
    store.loadDocument(flow.data.id, documentJson === null ? null : JSON.parse(documentJson), flow.data.revision);
    const backup = readDraftBackup(flow.data.id);
    if (backup) {
      const serverTime = new Date(flow.data.updatedAt).getTime();
      const differs = JSON.stringify(backup.document) !== JSON.stringify(useEditorStore.getState().toDocument());
      if (differs && backup.savedAt > serverTime) setRestore(backup);
      else clearDraftBackup(flow.data.id);
    }
    setLoaded(true);
  }, [flow.data, loaded]);

  const autosave = useAutosave(flowId, loaded);

  if (flow.error) {
    return (
      <main className="flex h-screen flex-col items-center justify-center gap-3 text-center">
        <CloudOff className="h-8 w-8 text-slate-400" aria-hidden />
        <h1 className="text-lg font-semibold">Could not open this flow</h1>
        <p className="max-w-md text-sm text-slate-500">{trpcErrorCode(flow.error) === "NOT_FOUND" ? "It may have been deleted." : flow.error.message}</p>
        <Link href="/" className="text-sm font-medium text-accent-600 hover:underline">
          Back to flows
        </Link>
      </main>
    );
  }
  if (!loaded || !flow.data) {
    return (
      <main className="flex h-screen items-center justify-center gap-2 text-sm text-slate-500" aria-busy>
        <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> Opening flow…
      </main>
    );
  }

  return (
    <ReactFlowProvider>
      <EditorLayout flowId={flowId} publishedVersion={flow.data.publishedVersion} autosave={autosave} />
      <ConflictDialog autosave={autosave} />
      <Dialog
        open={restore !== null}
        onClose={() => {
          clearDraftBackup(flowId);
          setRestore(null);
        }}
        title="Restore unsaved changes?"
        description={
          restore ? (
            <>
              This browser has edits from {formatRelativeTime(restore.savedAt)} that never reached the server.
              {restore.baseRevision < flow.data.revision ? " The server copy was changed since; restoring replaces those changes." : ""}
            </>
          ) : null
        }
        footer={
          <>
            <Button
              onClick={() => {
                clearDraftBackup(flowId);
                setRestore(null);
              }}
            >
              Discard them
            </Button>
            <Button
              variant="primary"
              onClick={() => {
                if (restore) useEditorStore.getState().replaceDocument(restore.document);
                setRestore(null);
                toast.success("Unsaved changes restored");
              }}
            >
              Restore
            </Button>
          </>
        }
      />
    </ReactFlowProvider>
  );
}

function EditorLayout({ flowId, publishedVersion, autosave }: { flowId: string; publishedVersion: number | null; autosave: Autosave }) {
  const [tab, setTab] = useState<RightTab>("inspector");
  const [panelOpen, setPanelOpen] = useState(true);
  useEditorShortcuts({ save: () => void autosave.saveNow().then((ok) => ok && toast.success("Saved", { id: "saved", duration: 1200 })) });

  // Selecting a node shows its inspector (unless the designer is testing or reading problems).
  // A store subscription, not a selector: selecting must not re-render the whole layout.
  useEffect(
    () =>
      useEditorStore.subscribe((state, previous) => {
        if (state.selectedNodeId && state.selectedNodeId !== previous.selectedNodeId) setTab((current) => (current === "json" ? "inspector" : current));
      }),
    [],
  );
  const onShowProblems = useCallback(() => {
    setTab("problems");
    setPanelOpen(true);
  }, []);
  const onTogglePanel = useCallback(() => setPanelOpen((o) => !o), []);

  return (
    <div className="flex h-screen flex-col overflow-hidden bg-slate-50">
      <EditorHeader flowId={flowId} publishedVersion={publishedVersion} autosave={autosave} onShowProblems={onShowProblems} panelOpen={panelOpen} onTogglePanel={onTogglePanel} />
      <div className="flex min-h-0 flex-1">
        <aside className="w-52 shrink-0 border-r border-slate-200 bg-slate-50" aria-label="Nodes">
          <NodePalette />
        </aside>
        <main className="relative min-w-0 flex-1" onDoubleClick={(e) => {
          if ((e.target as HTMLElement).closest(".react-flow__node")) {
            setTab("inspector");
            setPanelOpen(true);
          }
        }}>
          <FlowCanvas />
        </main>
        {panelOpen ? (
          <aside className="flex w-[380px] shrink-0 flex-col border-l border-slate-200 bg-white max-[1280px]:w-[340px]" aria-label="Side panel">
            <div role="tablist" aria-label="Side panel tabs" className="flex shrink-0 border-b border-slate-200 px-2">
              <TabButton id="inspector" current={tab} onSelect={setTab}>
                Inspector
              </TabButton>
              <TabButton id="test" current={tab} onSelect={setTab}>
                Test
              </TabButton>
              <TabButton id="problems" current={tab} onSelect={setTab}>
                Problems
                <ProblemsBadge />
              </TabButton>
              <TabButton id="json" current={tab} onSelect={setTab}>
                JSON
              </TabButton>
            </div>
            {/* Panels stay mounted (hidden) so the test conversation and JSON cursor survive tab switches. */}
            <TabPanel id="inspector" current={tab}>
              <AfterCanvas>
                <Inspector />
              </AfterCanvas>
            </TabPanel>
            <TabPanel id="test" current={tab}>
              <AfterCanvas>
                <TestChatPane />
              </AfterCanvas>
            </TabPanel>
            <TabPanel id="problems" current={tab} lazy>
              <ProblemsPanel />
            </TabPanel>
            <TabPanel id="json" current={tab} lazy>
              <FlowJsonView active={tab === "json"} />
            </TabPanel>
          </aside>
        ) : null}
      </div>
    </div>
  );
}

/** The Problems tab's count; its own component so a new validation result re-renders only the badge. */
function ProblemsBadge() {
  const { errors, warnings } = useProblems();
  return errors + warnings > 0 ? (
    <span className={`ml-1.5 rounded-full px-1.5 text-[10px] font-semibold ${errors ? "bg-red-100 text-red-700" : "bg-amber-100 text-amber-700"}`}>
      {errors + warnings}
    </span>
  ) : null;
}

function TabButton({ id, current, onSelect, children }: { id: RightTab; current: RightTab; onSelect(tab: RightTab): void; children: ReactNode }) {
  const selected = id === current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={selected}
      aria-controls={`panel-${id}`}
      tabIndex={selected ? 0 : -1}
      onClick={() => onSelect(id)}
      onKeyDown={(e) => {
        const order: RightTab[] = ["inspector", "test", "problems", "json"];
        const index = order.indexOf(id);
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const next = order[(index + (e.key === "ArrowRight" ? 1 : order.length - 1)) % order.length];
          onSelect(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}
      className={`-mb-px flex items-center border-b-2 px-3 py-2.5 text-[13px] font-medium transition-colors ${
        selected ? "border-accent-600 text-accent-700" : "border-transparent text-slate-500 hover:text-slate-800"
      }`}
    >
      {children}
    </button>
  );
}

/**
 * Mounts its children in a background render after the first commit: opening a flow shows the canvas
 * without waiting for the side panel, and a click on the canvas interrupts that render instead of
 * queueing behind it.
 */
function AfterCanvas({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : null;
}

function TabPanel({ id, current, lazy, children }: { id: RightTab; current: RightTab; lazy?: boolean; children: ReactNode }) {
  const [visited, setVisited] = useState(id === current);
  useEffect(() => {
    if (id === current) setVisited(true);
  }, [id, current]);
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== current} className="min-h-0 flex-1 overflow-hidden data-[hidden]:hidden" data-hidden={id !== current || undefined}>
      {lazy && !visited ? null : children}
    </div>
  );
}

function EditorHeader({
  flowId,
  publishedVersion,
  autosave,
  onShowProblems,
  panelOpen,
  onTogglePanel,
}: {
  flowId: string;
  publishedVersion: number | null;
  autosave: Autosave;
  onShowProblems(): void;
  panelOpen: boolean;
  onTogglePanel(): void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const name = useEditorStore((s) => s.meta.name);
  const canUndo = useEditorStore((s) => s.canUndo);
  const canRedo = useEditorStore((s) => s.canRedo);
  const [published, setPublished] = useState<{ version: number | null; atChange: number }>(() => ({
    version: publishedVersion,
    atChange: useEditorStore.getState().changeId,
  }));
  const rename = useMutation(trpc.flows.rename.mutationOptions());
  const [publishing, setPublishing] = useState(false);

  async function publish() {
    setPublishing(true);
    try {
      const saved = await autosave.saveNow();
      if (!saved) {
        toast.error("Save the draft before publishing (see the save state).");
        return;
      }
      const result = await client.flows.publish.mutate({ id: flowId });
      setPublished({ version: result.version, atChange: useEditorStore.getState().changeId });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
      toast.success(`Published version ${result.version}`, { description: "Customers now get this version." });
    } catch (error) {
      const problems = trpcProblems(error);
      if (problems.length) {
        onShowProblems();
        toast.error("Fix these problems before publishing", {
          description: (
            <ul className="mt-1 max-h-48 list-disc space-y-0.5 overflow-auto pl-4">
              {problems.slice(0, 8).map((p, i) => (
                <li key={i}>
                  {p.path ? <code className="font-mono text-[11px]">{p.path}</code> : null} {p.message}
                </li>
              ))}
              {problems.length > 8 ? <li>…and {problems.length - 8} more (see Problems)</li> : null}
            </ul>
          ),
          duration: 10_000,
        });
      } else {
        toast.error(`Publish failed: ${errorMessage(error)}`);
      }
    } finally {
      setPublishing(false);
    }
  }

  const unpublished = useEditorStore((s) => published.version === null || s.changeId !== published.atChange);

  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2">
      <Link href="/" aria-label="Back to flows" title="Back to flows" className="inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
        <ArrowLeft className="h-4 w-4" aria-hidden />
      </Link>
      <div className="flex min-w-0 items-center gap-2">
        <label className="sr-only" htmlFor="flow-name">
          Flow name
        </label>
        <input
          id="flow-name"
          value={name}
          onChange={(e) => useEditorStore.getState().updateMeta({ name: e.target.value })}
          onBlur={(e) => {
            const value = e.target.value.trim();
            if (value) rename.mutate({ id: flowId, name: value }, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() }) });
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") e.currentTarget.blur();
          }}
          className="h-8 w-[clamp(10rem,24vw,22rem)] min-w-0 truncate rounded-md border border-transparent px-2 text-[15px] font-semibold text-slate-900 hover:border-slate-200 focus:border-accent-500 focus:outline-none"
        />
        <SaveBadge onRetry={() => void autosave.saveNow()} />
        <span className="hidden truncate text-xs text-slate-500 lg:inline" data-testid="publish-state">
          {published.version === null ? "Never published" : `Published v${published.version}`}
          {published.version !== null && unpublished ? " · unpublished changes" : ""}
        </span>
      </div>
      <div className="ml-auto flex items-center gap-1">
        <IconButton aria-label="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => useEditorStore.getState().undo()}>
          <Undo2 className="h-4 w-4" />
        </IconButton>
        <IconButton aria-label="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => useEditorStore.getState().redo()}>
          <Redo2 className="h-4 w-4" />
        </IconButton>
        <HelpPopover />
        <IconButton aria-label={panelOpen ? "Hide side panel" : "Show side panel"} onClick={onTogglePanel}>
          {panelOpen ? <PanelRightClose className="h-4 w-4" /> : <PanelRightOpen className="h-4 w-4" />}
        </IconButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
        <Button variant="primary" onClick={() => void publish()} disabled={publishing} data-testid="publish-button">
          {publishing ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : <Rocket className="h-4 w-4" aria-hidden />}
          Publish
        </Button>
      </div>
    </header>
  );
}

const saveLabels: Record<SaveState, { label: string; className: string; icon: ReactNode }> = {
  saved: { label: "Saved", className: "text-slate-500", icon: <Check className="h-3.5 w-3.5" aria-hidden /> },
  saving: { label: "Saving…", className: "text-slate-500", icon: <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden /> },
  dirty: { label: "Unsaved", className: "text-amber-700", icon: <Cloud className="h-3.5 w-3.5" aria-hidden /> },
  conflict: { label: "Conflict", className: "text-red-700 bg-red-50", icon: <AlertTriangle className="h-3.5 w-3.5" aria-hidden /> },
  error: { label: "Not saved", className: "text-red-700 bg-red-50", icon: <CloudOff className="h-3.5 w-3.5" aria-hidden /> },
};

function SaveBadge({ onRetry }: { onRetry(): void }) {
  const saveState = useEditorStore((s) => s.saveState);
  const { label, className, icon } = saveLabels[saveState];
  return (
    <button
      type="button"
      onClick={saveState === "error" ? onRetry : undefined}
      className={`inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${className} ${saveState === "error" ? "cursor-pointer" : "cursor-default"}`}
      aria-live="polite"
      data-testid="save-state"
      data-state={saveState}
      title={saveState === "error" ? "Click to retry now" : undefined}
    >
      {icon}
      {label}
    </button>
  );
}

function HelpPopover() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div className="relative" ref={ref}>
      <IconButton aria-label="Keyboard shortcuts" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)}>
        <CircleHelp className="h-4 w-4" />
      </IconButton>
      {open ? (
        <div role="dialog" aria-label="Keyboard shortcuts" className="absolute top-10 right-0 z-50 w-80 rounded-lg border border-slate-200 bg-white p-3 shadow-xl">
          <h2 className="mb-2 text-sm font-semibold">Keyboard shortcuts</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-xs">
            {SHORTCUTS.map((s) => (
              <div key={s.keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] whitespace-nowrap text-slate-700">{s.keys}</kbd>
                </dt>
                <dd className="text-slate-600">{s.action}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}

function ConflictDialog({ autosave }: { autosave: Autosave }) {
  return (
    <Dialog
      open={autosave.conflict !== null}
      onClose={() => {}}
      title="This flow was changed somewhere else"
      description="Another tab or colleague saved the draft after you opened it. Choose which version to keep."
      footer={
        <>
          <Button onClick={autosave.loadTheirs}>Load theirs</Button>
          <Button variant="primary" onClick={autosave.keepMine}>
            Keep mine
          </Button>
        </>
      }
    >
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
        <li>
          <strong>Keep mine</strong> saves your version over theirs.
        </li>
        <li>
          <strong>Load theirs</strong> discards your unsaved edits and loads the saved draft
          {autosave.conflict ? ` (revision ${autosave.conflict.currentRevision})` : ""}.
        </li>
      </ul>
    </Dialog>
  );
}
