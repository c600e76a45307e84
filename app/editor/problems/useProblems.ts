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
/**
 * The first check waits until the flow has opened: idle moments come up while the editor's scripts
 * load and the canvas first renders, and a 100-200 ms validation there delays both.
 */
const FIRST_CHECK_DELAY_MS = 1000;

export interface ProblemsSummary {
  problems: Problem[];
  errors: number;
  warnings: number;
}

const useProblemsStore = create<ProblemsSummary>()(() => ({ problems: [], errors: 0, warnings: 0 }));

let users = 0;
let unsubscribe: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let idle: number | null = null;

function cancelPending() {
  if (timer) clearTimeout(timer);
  timer = null;
  if (idle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
  idle = null;
}

/** Validates the editor's current document now (also used by tests). */
export function recomputeProblems(): void {
  cancelPending();
  const problems = validateFlow(useEditorStore.getState().toDocument());
  let errors = 0;
  for (const problem of problems) if (problem.severity === "error") errors += 1;
  useProblemsStore.setState({ problems, errors, warnings: problems.length - errors });
}

/**
 * Validates after `delay` ms of quiet, in the browser's idle time: validating a 1,000-node flow takes
 * tens of ms, which must not land in the editor's first paint or in a burst of edits.
 */
function scheduleRecompute(delay: number, idleTimeout: number) {
  cancelPending();
  timer = setTimeout(() => {
    timer = null;
    if (typeof requestIdleCallback === "function") {
      idle = requestIdleCallback(() => {
        idle = null;
        recomputeProblems();
      }, { timeout: idleTimeout });
    } else {
      recomputeProblems();
    }
  }, delay);
}

function start() {
  scheduleRecompute(FIRST_CHECK_DELAY_MS, 2000);
  unsubscribe = useEditorStore.subscribe((state, previous) => {
    if (state.changeId === previous.changeId && state.flowId === previous.flowId) return;
    scheduleRecompute(DEBOUNCE_MS, 1000);
  });
}

function stop() {
  unsubscribe?.();
  unsubscribe = null;
  cancelPending();
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
