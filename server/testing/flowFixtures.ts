// Small inline flow documents for the server tests.
type Node = { id: string; type: string; data?: Record<string, unknown> };
type Edge = [source: string, output: string, target: string];

/** A flow document from nodes and [source, output, target] edges. */
export function flowDocument(name: string, nodes: Node[], edges: Edge[], settings: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name,
    settings,
    nodes: nodes.map((node, index) => ({ id: node.id, type: node.type, position: { x: 0, y: index * 120 }, data: node.data ?? {} })),
    edges: edges.map(([source, sourceHandle, target]) => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target })),
  };
}

/** Greets, then echoes every message back ("You said …") and asks again, forever. */
export function echoFlow(name = "Echo"): Record<string, unknown> {
  return flowDocument(
    name,
    [
      { id: "start", type: "start" },
      { id: "hello", type: "message", data: { text: "Hello! 你好！", quickReplies: ["Hi", "Bye"] } },
      { id: "ask", type: "collect", data: { question: "Say something", variable: "said", entity: { type: "text" }, skipIfSet: false } },
      { id: "echo", type: "message", data: { text: "You said {{said}}" } },
    ],
    [
      ["start", "next", "hello"],
      ["hello", "next", "ask"],
      ["ask", "success", "echo"],
      ["echo", "next", "ask"],
    ],
    { humanRequest: { enabled: false } },
  );
}

/** Says one thing and ends. */
export function oneShotFlow(name = "One shot"): Record<string, unknown> {
  return flowDocument(
    name,
    [
      { id: "start", type: "start" },
      { id: "bye", type: "end", data: { message: "Thanks, goodbye!", outcome: "resolved" } },
    ],
    [["start", "next", "bye"]],
  );
}

/** Asks for an order number, looks it up with the demo API, and says its status. */
export function orderStatusFlow(name = "Order status"): Record<string, unknown> {
  return flowDocument(
    name,
    [
      { id: "start", type: "start" },
      {
        id: "askOrder",
        type: "collect",
        data: { question: "What is your order number?", variable: "orderNumber", entity: { type: "regex", pattern: "[A-Za-z]\\d{7}" } },
      },
      {
        id: "lookup",
        type: "apiCall",
        data: {
          method: "GET",
          url: "/api/demo/orders/{{orderNumber}}",
          timeoutMs: 500,
          responseMappings: [
            { variable: "orderStatus", path: "status" },
            { variable: "carrier", path: "carrier" },
          ],
        },
      },
      { id: "found", type: "end", data: { message: "Order {{orderNumber}} is {{orderStatus}} ({{carrier}})", outcome: "resolved" } },
      { id: "notFound", type: "end", data: { message: "Sorry, I can't find order {{orderNumber}}", outcome: "unresolved" } },
      { id: "slow", type: "end", data: { message: "Our order system is slow right now", outcome: "unresolved" } },
    ],
    [
      ["start", "next", "askOrder"],
      ["askOrder", "success", "lookup"],
      ["askOrder", "failure", "notFound"],
      ["lookup", "success", "found"],
      ["lookup", "error", "notFound"],
      ["lookup", "timeout", "slow"],
    ],
    { humanRequest: { enabled: false } },
  );
}

/** Recognises a refund request and hands off to billing. */
export function refundHandoffFlow(name = "Refunds"): Record<string, unknown> {
  return flowDocument(
    name,
    [
      { id: "start", type: "start" },
      {
        id: "intent",
        type: "intent",
        data: {
          prompt: "How can I help?",
          threshold: 0.3,
          intents: [
            { id: "refund", name: "refund", phrases: ["I want a refund", "refund my order", "give me my money back", "我想退款", "退錢"] },
            { id: "hours", name: "opening_hours", phrases: ["what are your opening hours", "when do you open", "幾點開門", "營業時間"] },
          ],
        },
      },
      { id: "toBilling", type: "handoff", data: { queue: "billing", priority: "high", message: "Passing you to billing", note: "Customer wants a refund" } },
      { id: "hoursReply", type: "end", data: { message: "We open 9am to 6pm", outcome: "resolved" } },
      { id: "didntGet", type: "end", data: { message: "Sorry, I didn't get that", outcome: "unresolved" } },
    ],
    [
      ["start", "next", "intent"],
      ["intent", "refund", "toBilling"],
      ["intent", "hours", "hoursReply"],
      ["intent", "fallback", "didntGet"],
    ],
    { humanRequest: { enabled: false } },
  );
}

/** The parsed draft of a flows.get / getFlow result (null when the flow has no draft). */
export function draftDocument(flow: { documentJson: string | null }): unknown {
  return flow.documentJson === null ? null : JSON.parse(flow.documentJson);
}
