"use client";
// One test turn, explained: variables it changed, the intents the NLU weighed,
// API calls made, and the trace node by node (click a step to reveal its node).
import type { ReactNode } from "react";
import { getNodeDefinition } from "@/flows/nodes";
import { useEditorStore } from "../store/editorStore";
import { apiExchanges, diffVariables, intentDecisions, type ChatTurn } from "./testChatModel";
import { nodeName } from "./nodeName";

export function TurnDetails({ turn }: { turn: ChatTurn }) {
  const changes = diffVariables(turn.variablesBefore, turn.variablesAfter);
  const decisions = intentDecisions(turn.trace);
  const calls = apiExchanges(turn.trace);
  return (
    <div className="mt-1.5 flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-2 text-slate-700">
      <Section title="Variables changed">
        {changes.length === 0 ? (
          <p className="text-slate-400">None</p>
        ) : (
          <table className="w-full table-fixed border-collapse font-mono text-[11px]">
            <tbody>
              {changes.map((change) => (
                <tr key={change.name} className="border-b border-slate-200 last:border-0" data-testid="variable-change">
                  <td className="w-1/3 truncate py-0.5 pr-2 align-top font-semibold" title={change.name}>
                    {change.name}
                  </td>
                  <td className="py-0.5 align-top break-all">
                    {change.kind !== "added" && <span className="text-red-700 line-through">{show(change.before)}</span>}
                    {change.kind === "changed" && <span className="text-slate-400"> → </span>}
                    {change.kind !== "removed" && <span className="text-green-700">{show(change.after)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {decisions.map((decision, index) => (
        <Section key={`intent-${index}`} title="Intents" subtitle={nodeName(decision.nodeId)}>
          {decision.candidates.length === 0 ? (
            <p className="text-slate-400">No candidates</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {decision.candidates.map((candidate) => (
                <li key={candidate.name} className="grid grid-cols-[minmax(0,1fr)_5rem_2.5rem] items-center gap-2" data-testid="intent-candidate">
                  <span className="truncate" title={candidate.name}>
                    {candidate.name}
                  </span>
                  <span className="relative h-2 overflow-hidden rounded bg-slate-200" aria-hidden>
                    <span
                      className={`absolute inset-y-0 left-0 rounded ${decision.threshold !== undefined && candidate.confidence < decision.threshold ? "bg-slate-400" : "bg-accent-500"}`}
                      style={{ width: `${Math.round(Math.max(0, Math.min(1, candidate.confidence)) * 100)}%` }}
                    />
                    {decision.threshold !== undefined && (
                      <span className="absolute inset-y-0 w-px bg-red-500" style={{ left: `${decision.threshold * 100}%` }} title="threshold" />
                    )}
                  </span>
                  <span className="text-right font-mono tabular-nums">{candidate.confidence.toFixed(2)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-[11px] text-slate-500">
            {decision.threshold !== undefined ? `Threshold ${decision.threshold.toFixed(2)} · ` : ""}
            {decision.outOfScope ? "Out of scope · " : ""}took “{outputLabel(decision.nodeId, decision.output)}”
          </p>
        </Section>
      ))}

      {calls.map((call, index) => (
        <Section key={`api-${index}`} title="API call" subtitle={nodeName(call.nodeId)}>
          {call.request !== undefined && <Json label="Request" value={call.request} />}
          {call.response !== undefined && <Json label="Response" value={call.response} />}
          {call.error !== undefined && <p className="text-red-700">Error: {show(call.error)}</p>}
        </Section>
      ))}

      <Section title="Trace">
        <ol className="flex flex-col">
          {turn.trace.map((entry, index) => (
            <li key={index} data-testid="trace-entry">
              <button
                type="button"
                className="flex w-full items-baseline gap-2 rounded px-1 py-0.5 text-left hover:bg-white disabled:cursor-default"
                disabled={!entry.nodeId || entry.nodeType === "flow"}
                onClick={() => useEditorStore.getState().revealNode(entry.nodeId)}
              >
                <span className="w-4 shrink-0 text-right font-mono text-slate-400">{entry.step}</span>
                <span className="min-w-0 flex-1 truncate">{entry.nodeType === "flow" ? "Flow rule" : nodeName(entry.nodeId)}</span>
                <span className={`shrink-0 font-mono text-[10px] ${eventTone(entry.event)}`}>
                  {entry.event}
                  {entry.output ? ` → ${outputLabel(entry.nodeId, entry.output)}` : ""}
                </span>
                <span className="w-10 shrink-0 text-right font-mono text-[10px] text-slate-400">{entry.durationMs} ms</span>
              </button>
              {entry.error && <p className="ml-6 text-red-700">{entry.error}</p>}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

function Section({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <section>
      <h4 className="mb-1 flex items-baseline gap-1.5 text-[10px] font-semibold tracking-wide text-slate-500">
        <span className="uppercase">{title}</span>
        {subtitle && <span className="truncate font-normal tracking-normal text-slate-400 normal-case">{subtitle}</span>}
      </h4>
      {children}
    </section>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="mb-1" open>
      <summary className="cursor-pointer text-[11px] text-slate-500">{label}</summary>
      <pre className="max-h-48 overflow-auto rounded bg-white p-1.5 font-mono text-[11px] leading-snug whitespace-pre-wrap break-all">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function eventTone(event: string): string {
  if (event === "error" || event === "dead_end") return "text-red-700";
  if (event === "wait") return "text-green-700";
  if (event === "handoff") return "text-amber-700";
  return "text-slate-500";
}

function outputLabel(nodeId: string, output: string | undefined): string {
  if (!output) return "";
  const node = useEditorStore.getState().nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return output;
  try {
    return getNodeDefinition(node.type ?? "")?.outputs(node.data as never).find((candidate) => candidate.id === output)?.label ?? output;
  } catch {
    return output;
  }
}
