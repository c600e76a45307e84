"use client";
// Errors then warnings of the flow being edited; clicking one reveals its node.
import { CircleCheck, CircleX, TriangleAlert } from "lucide-react";
import type { Problem } from "@/flows/nodes";
import { useEditorStore } from "../store/editorStore";
import { useProblems } from "./useProblems";

export function ProblemsPanel() {
  const { problems, errors, warnings } = useProblems();
  const selectedNodeId = useEditorStore((state) => state.selectedNodeId);

  if (problems.length === 0) {
    return (
      <div className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-sm text-slate-500" data-testid="problems-panel" data-errors={0} data-warnings={0}>
        <CircleCheck className="size-8 text-green-600" aria-hidden />
        <p className="font-medium text-slate-700">No problems</p>
        <p className="text-xs">This flow is ready to test and publish.</p>
      </div>
    );
  }

  const errorList = problems.filter((problem) => problem.severity === "error");
  const warningList = problems.filter((problem) => problem.severity === "warning");

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="problems-panel" data-errors={errors} data-warnings={warnings}>
      <div className="flex items-center gap-3 border-b border-slate-200 px-3 py-2 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <CircleX className="size-3.5 text-red-600" aria-hidden /> {errors} error{errors === 1 ? "" : "s"}
        </span>
        <span className="inline-flex items-center gap-1">
          <TriangleAlert className="size-3.5 text-amber-500" aria-hidden /> {warnings} warning{warnings === 1 ? "" : "s"}
        </span>
        {errors > 0 && <span className="ml-auto text-red-700">Fix errors before publishing</span>}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ProblemGroup title="Errors" problems={errorList} selectedNodeId={selectedNodeId} />
        <ProblemGroup title="Warnings" problems={warningList} selectedNodeId={selectedNodeId} />
      </div>
    </div>
  );
}

function ProblemGroup({ title, problems, selectedNodeId }: { title: string; problems: Problem[]; selectedNodeId: string | null }) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3 className="sticky top-0 bg-slate-50 px-3 py-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        {title} ({problems.length})
      </h3>
      <ul>
        {problems.map((problem, index) => (
          <ProblemItem key={`${problem.code}:${problem.nodeId ?? ""}:${index}`} problem={problem} selected={!!problem.nodeId && problem.nodeId === selectedNodeId} />
        ))}
      </ul>
    </section>
  );
}

function ProblemItem({ problem, selected }: { problem: Problem; selected: boolean }) {
  const nodeId = problem.nodeId ?? edgeSourceNode(problem);
  const Icon = problem.severity === "error" ? CircleX : TriangleAlert;
  const content = (
    <>
      <Icon className={`mt-0.5 size-4 shrink-0 ${problem.severity === "error" ? "text-red-600" : "text-amber-500"}`} aria-label={problem.severity} />
      <span className="min-w-0 flex-1">
        <span className="block break-words text-slate-800">{problem.message}</span>
        <span className="block font-mono text-[10px] text-slate-400">{problem.code}</span>
      </span>
    </>
  );
  const className = `flex w-full items-start gap-2 border-b border-l-2 border-b-slate-100 px-3 py-2 text-left text-sm ${selected ? "border-l-accent-500 bg-accent-50/40" : "border-l-transparent"}`;
  return (
    <li data-testid="problem-item" data-severity={problem.severity} data-code={problem.code} data-node-id={nodeId ?? ""}>
      {nodeId ? (
        <button
          type="button"
          className={`${className} hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-500`}
          onClick={() => reveal(nodeId)}
          title="Show this node on the canvas"
        >
          {content}
        </button>
      ) : (
        <div className={className}>{content}</div>
      )}
    </li>
  );
}

function reveal(nodeId: string) {
  const store = useEditorStore.getState();
  if (!store.nodes.some((node) => node.id === nodeId)) return;
  store.revealNode(nodeId);
}

/** Problems on an edge point at the node the edge starts from. */
function edgeSourceNode(problem: Problem): string | undefined {
  if (problem.path?.[0] !== "edges" || typeof problem.path[1] !== "number") return undefined;
  return useEditorStore.getState().edges[problem.path[1]]?.source;
}
