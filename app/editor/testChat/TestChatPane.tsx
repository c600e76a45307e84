"use client";
// Chat with the current draft through the same engine customers hit
// (chat.testTurn). Shows, per turn, what changed and why, and drives the
// canvas highlight along the conversation's path.
import { useMutation } from "@tanstack/react-query";
import { ChevronRight, Download, MessageCircle, Play, RotateCcw, Send, SquareDashedMousePointer } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { Button, IconButton } from "@/app/_components/Button";
import { errorMessage, trpcProblems } from "@/app/_components/trpcErrors";
import { useTRPC } from "@/app/_trpc/trpc";
import type { TurnInput, TurnResult } from "@/flows/engine/runTurn";
import type { SessionState } from "@/flows/schema/sessionState";
import { useEditorStore } from "../store/editorStore";
import { nodeName } from "./nodeName";
import { TurnDetails } from "./TurnDetails";
import { conversationHighlight, fixtureFileName, toFixture, type ChatTurn } from "./testChatModel";
import { resetTestChat, useTestChatStore } from "./testChatStore";

export function TestChatPane() {
  const trpc = useTRPC();
  const testTurn = useMutation(trpc.chat.testTurn.mutationOptions());
  const flowId = useEditorStore((state) => state.flowId);
  const selectedNodeId = useEditorStore((state) => state.selectedNodeId);
  const edges = useEditorStore((state) => state.edges);
  const { turns, session, pending, failure } = useTestChatStore();
  const [text, setText] = useState("");
  const transcriptRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  // A different flow: a different conversation.
  useEffect(() => {
    if (useTestChatStore.getState().flowId !== flowId) {
      resetTestChat(flowId);
      useEditorStore.getState().clearHighlight();
    }
  }, [flowId]);

  // Highlight the conversation's path on the canvas (recomputed when edges change, e.g. after undo).
  useEffect(() => {
    if (turns.length === 0) return;
    useEditorStore.getState().setHighlight(conversationHighlight(turns, edges, session?.waitingAt ?? null));
  }, [turns, edges, session]);

  useEffect(() => {
    transcriptRef.current?.scrollTo({ top: transcriptRef.current.scrollHeight, behavior: "smooth" });
  }, [turns.length, pending]);

  const status = session?.status ?? null;
  const canType = status === "active" && !!session?.waitingAt && !pending;

  async function run(input: TurnInput, previous: SessionState | null) {
    const { nextTurnId } = useTestChatStore.getState();
    useTestChatStore.setState({ pending: true, failure: null, nextTurnId: nextTurnId + 1 });
    try {
      const editor = useEditorStore.getState();
      const result = (await testTurn.mutateAsync({
        flowId: editor.flowId ?? "",
        document: editor.toDocument(),
        state: previous,
        input,
      })) satisfies TurnResult;
      const turn: ChatTurn = {
        id: nextTurnId,
        user: input.type === "text" ? input.text : null,
        ...(input.type === "start" && input.startNodeId ? { startNodeId: input.startNodeId } : {}),
        messages: result.messages,
        status: result.status,
        outcome: result.state.outcome,
        trace: result.trace,
        variablesBefore: previous?.variables ?? {},
        variablesAfter: result.state.variables,
        ...(result.handoff ? { handoff: result.handoff } : {}),
      };
      useTestChatStore.setState((state) => ({
        turns: input.type === "start" ? [turn] : [...state.turns, turn],
        session: result.state,
        pending: false,
      }));
      const engineError = result.trace.find((entry) => entry.event === "error");
      if (engineError?.error) toast.error("The flow stopped with an error", { description: engineError.error });
    } catch (error) {
      const problems = trpcProblems(error);
      const message = problems.length
        ? `${errorMessage(error)}:\n${problems.map((problem) => `• ${problem.message}`).join("\n")}`
        : errorMessage(error);
      useTestChatStore.setState({ pending: false, failure: message });
      toast.error(input.type === "start" ? "Could not start the test conversation" : "Could not send the message", {
        description: problems.length ? `${errorMessage(error)} (${problems.length}). See the Problems tab.` : message,
      });
    } finally {
      requestAnimationFrame(() => inputRef.current?.focus());
    }
  }

  function start(startNodeId?: string) {
    if (pending) return;
    useEditorStore.getState().clearHighlight();
    useTestChatStore.setState({ turns: [], session: null });
    void run({ type: "start", ...(startNodeId ? { startNodeId } : {}) }, null);
  }

  function send(message: string) {
    const trimmed = message.trim();
    if (!trimmed || !session || !canType) return;
    setText("");
    void run({ type: "text", text: trimmed }, session);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send(text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(text);
    }
  }

  function saveFixture() {
    const editor = useEditorStore.getState();
    const fixture = toFixture(editor.toDocument(), turns);
    const blob = new Blob([`${JSON.stringify(fixture, null, 2)}\n`], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fixtureFileName(editor.meta.name);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const lastTurn = turns.at(-1);
  const quickReplies = status === "active" && lastTurn ? (lastTurn.messages.findLast((message) => message.quickReplies?.length)?.quickReplies ?? []) : [];
  const selectedLabel = selectedNodeId ? nodeName(selectedNodeId) : null;

  return (
    <div className="flex h-full min-h-0 flex-col bg-white" data-testid="test-chat-pane">
      <div className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-3 py-2">
        <StatusBadge session={session} started={turns.length > 0} pending={pending} />
        <div className="ml-auto flex items-center gap-1">
          <IconButton
            aria-label="Start from selected node"
            size="sm"
            disabled={!selectedNodeId || pending}
            onClick={() => selectedNodeId && start(selectedNodeId)}
            title={selectedLabel ? `Start from ${selectedLabel}` : "Select a node on the canvas to start from it"}
          >
            <SquareDashedMousePointer className="size-4" />
          </IconButton>
          <IconButton aria-label="Restart" size="sm" disabled={pending} onClick={() => start()}>
            <RotateCcw className="size-4" />
          </IconButton>
          <IconButton aria-label="Save as regression fixture" size="sm" disabled={turns.length === 0} onClick={saveFixture}>
            <Download className="size-4" />
          </IconButton>
        </div>
      </div>

      <div ref={transcriptRef} className="min-h-0 flex-1 overflow-y-auto px-3 py-3" data-testid="test-chat-transcript" aria-live="polite">
        {turns.length === 0 && !pending ? (
          <EmptyState onStart={() => start()} onStartSelected={selectedNodeId ? () => start(selectedNodeId) : undefined} selectedLabel={selectedLabel} />
        ) : (
          <ol className="flex flex-col gap-3">
            {turns.map((turn) => (
              <TurnView key={turn.id} turn={turn} />
            ))}
            {pending && (
              <li className="flex" aria-label="Bot is typing">
                <span className="rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-slate-400">
                  <span className="inline-flex gap-1">
                    <span className="size-1.5 animate-bounce rounded-full bg-slate-400" />
                    <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:120ms]" />
                    <span className="size-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:240ms]" />
                  </span>
                </span>
              </li>
            )}
          </ol>
        )}
        {failure && (
          <p className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs whitespace-pre-wrap text-red-800" role="alert" data-testid="test-chat-failure">
            {failure}
          </p>
        )}
      </div>

      {quickReplies.length > 0 && (
        <div className="flex flex-wrap gap-1.5 border-t border-slate-100 px-3 pt-2" aria-label="Quick replies">
          {quickReplies.map((reply) => (
            <button
              key={reply}
              type="button"
              disabled={!canType}
              onClick={() => send(reply)}
              className="rounded-full border border-accent-200 bg-accent-50 px-3 py-1 text-xs font-medium text-accent-700 hover:bg-accent-100 disabled:opacity-50"
              data-testid="quick-reply"
            >
              {reply}
            </button>
          ))}
        </div>
      )}

      <form onSubmit={onSubmit} className="flex items-end gap-2 border-t border-slate-200 p-2">
        <textarea
          ref={inputRef}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          disabled={!canType}
          placeholder={placeholder(status, turns.length > 0, pending)}
          aria-label="Message to the bot"
          data-testid="test-chat-input"
          className="max-h-28 min-h-9 flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-accent-500 focus:outline-none disabled:bg-slate-50 disabled:text-slate-400"
        />
        <IconButton aria-label="Send" type="submit" variant="primary" disabled={!canType || !text.trim()}>
          <Send className="size-4" />
        </IconButton>
      </form>
    </div>
  );
}

function placeholder(status: SessionState["status"] | null, started: boolean, pending: boolean): string {
  if (pending) return "Waiting for the bot…";
  if (!started) return "Start the conversation first";
  if (status === "handoff") return "Handed off to a human: restart to test again";
  if (status === "ended") return "Conversation ended: restart to test again";
  return "Type as the customer, Enter to send";
}

function EmptyState({ onStart, onStartSelected, selectedLabel }: { onStart(): void; onStartSelected?: () => void; selectedLabel: string | null }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 text-center text-sm text-slate-500">
      <MessageCircle className="size-8 text-slate-300" aria-hidden />
      <div>
        <p className="font-medium text-slate-700">Test this flow</p>
        <p className="text-xs">Chat as a customer with the current draft. Nothing is published.</p>
      </div>
      <div className="flex flex-col gap-1.5">
        <Button variant="primary" onClick={onStart} data-testid="test-chat-start">
          <Play className="size-4" aria-hidden /> Start conversation
        </Button>
        {onStartSelected && (
          <Button variant="secondary" size="sm" onClick={onStartSelected} title={selectedLabel ?? undefined}>
            Start from {selectedLabel ? <span className="max-w-40 truncate">{selectedLabel}</span> : "selected node"}
          </Button>
        )}
      </div>
    </div>
  );
}

function StatusBadge({ session, started, pending }: { session: SessionState | null; started: boolean; pending: boolean }) {
  let label = "Not started";
  let tone = "bg-slate-100 text-slate-600";
  if (session?.status === "active") {
    label = "Active";
    tone = "bg-green-100 text-green-800";
  } else if (session?.status === "handoff") {
    label = "Handed off";
    tone = "bg-amber-100 text-amber-800";
  } else if (session?.status === "ended") {
    label = `Ended · ${session.outcome ?? "no outcome"}`;
    tone = session.outcome === "resolved" ? "bg-blue-100 text-blue-800" : "bg-slate-200 text-slate-700";
  } else if (started || pending) {
    label = "Starting…";
  }
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${tone}`} data-testid="test-chat-status" data-status={session?.status ?? "idle"}>
      {label}
    </span>
  );
}

function TurnView({ turn }: { turn: ChatTurn }) {
  const errors = turn.trace.filter((entry) => entry.event === "error" && entry.error);
  return (
    <li className="flex flex-col gap-1.5" data-testid="test-chat-turn">
      {turn.user === null ? (
        <div className="self-center text-[11px] text-slate-400">
          {turn.startNodeId ? `Started at ${nodeName(turn.startNodeId)}` : "Conversation started"}
        </div>
      ) : (
        <div className="max-w-[85%] self-end rounded-2xl rounded-br-sm bg-accent-600 px-3 py-2 text-sm whitespace-pre-wrap text-white" data-testid="chat-bubble-user">
          {turn.user}
        </div>
      )}
      {turn.messages.map((message, index) => (
        <div key={index} className="max-w-[85%] self-start rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-sm whitespace-pre-wrap text-slate-900" data-testid="chat-bubble-bot">
          {message.text}
        </div>
      ))}
      {errors.map((entry, index) => (
        <div key={`error-${index}`} className="self-stretch rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800" role="alert">
          Flow error: {entry.error}
        </div>
      ))}
      {turn.handoff && (
        <div className="self-center rounded-full bg-amber-50 px-2 py-0.5 text-[11px] text-amber-800">
          Handed off to queue “{turn.handoff.queue}” ({turn.handoff.reason.replace(/_/g, " ")})
        </div>
      )}
      {turn.status === "ended" && !errors.length && (
        <div className="self-center text-[11px] text-slate-400">Conversation ended{turn.outcome ? ` · ${turn.outcome}` : ""}</div>
      )}
      <details className="group self-stretch text-xs" data-testid="turn-details">
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 text-slate-400 select-none hover:text-slate-600">
          <ChevronRight className="size-3 transition-transform group-open:rotate-90" aria-hidden /> Details · {turn.trace.length} step{turn.trace.length === 1 ? "" : "s"}
        </summary>
        <TurnDetails turn={turn} />
      </details>
    </li>
  );
}
