"use client";
// The test conversation lives outside the pane, so switching right-panel tabs
// does not lose it. One conversation per editor (reset when the flow changes).
import { create } from "zustand";
import type { SessionState } from "@/flows/schema/sessionState";
import type { ChatTurn } from "./testChatModel";

export interface TestChatState {
  flowId: string | null;
  turns: ChatTurn[];
  session: SessionState | null;
  pending: boolean;
  /** Error of the last failed request (network, server), shown under the transcript. */
  failure: string | null;
  nextTurnId: number;
}

export const useTestChatStore = create<TestChatState>()(() => ({
  flowId: null,
  turns: [],
  session: null,
  pending: false,
  failure: null,
  nextTurnId: 1,
}));

export function resetTestChat(flowId: string | null): void {
  useTestChatStore.setState({ flowId, turns: [], session: null, pending: false, failure: null });
}
