"use client";
// Live validation of the flow being edited, shared by the Problems panel and
// the shell's tab badge: one debounced validateFlow() run per burst of edits,
// however many components read it.
import { useEffect } from "react";
import { create } from "zustand";
import type { Problem } from "@/flows/nodes";
import { validateFlow } from "@/flows/validation/validateFlow";
import { useEditorStore } from "../store/editorStore";

const DEBOUNCE_MS = 300;

export interface ProblemsSummary {
  problems: Problem[];
  errors: number;
  warnings: number;
}

const useProblemsStore = create<ProblemsSummary>()(() => ({ problems: [], errors: 0, warnings: 0 }));

let users = 0;
let unsubscribe: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Validates the editor's current document now (also used by tests). */
export function recomputeProblems(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const problems = validateFlow(useEditorStore.getState().toDocument());
  let errors = 0;
  for (const problem of problems) if (problem.severity === "error") errors += 1;
  useProblemsStore.setState({ problems, errors, warnings: problems.length - errors });
}

function start() {
  recomputeProblems();
  unsubscribe = useEditorStore.subscribe((state, previous) => {
    if (state.changeId === previous.changeId && state.flowId === previous.flowId) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(recomputeProblems, DEBOUNCE_MS);
  });
}

function stop() {
  unsubscribe?.();
  unsubscribe = null;
  if (timer) clearTimeout(timer);
  timer = null;
}

/**
 * Problems of the flow in the editor, re-validated (debounced) as it changes.
 * `errors`/`warnings` are counts for a tab badge.
 */
export function useProblems(): ProblemsSummary {
  useEffect(() => {
    users += 1;
    if (users === 1) start();
    return () => {
      users -= 1;
      if (users === 0) stop();
    };
  }, []);
  const problems = useProblemsStore((state) => state.problems);
  const errors = useProblemsStore((state) => state.errors);
  const warnings = useProblemsStore((state) => state.warnings);
  return { problems, errors, warnings };
}
