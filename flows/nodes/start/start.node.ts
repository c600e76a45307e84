import { z } from "zod";
import { defineNode } from "../defineNode";

export const startNode = defineNode({
  type: "start",
  label: "Start",
  description: "Where every conversation begins.",
  icon: "Play",
  color: "#16a34a",
  hasInput: false,
  dataSchema: z.object({}),
  defaults: () => ({}),
  outputs: () => [{ id: "next", label: "Next" }],
  summary: () => ["Conversation starts here"],
  execute: () => ({ action: "next", output: "next" }),
});
