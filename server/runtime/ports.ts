// The real side effects the engine runs with on the server. Tests replace
// single ports with setRuntimePorts().
import type { RuntimePorts } from "../../flows/engine/types";
import { createHttpPort } from "./httpPort";
import { createNluPort, type NluPort } from "./nluPort";
import { readSecret } from "./secrets";

export interface ServerPorts extends RuntimePorts {
  nlu: NluPort;
}

// On globalThis: Next may load this module once per route bundle, and the
// trained intent models in the NLU port should be shared by all of them.
const holder = globalThis as typeof globalThis & { switchboardPorts?: ServerPorts };

export function getRuntimePorts(): ServerPorts {
  holder.switchboardPorts ??= {
    http: createHttpPort(),
    nlu: createNluPort(),
    clock: { now: () => Date.now() },
    random: () => Math.random(),
    secret: readSecret,
  };
  return holder.switchboardPorts;
}

/** Replaces some ports (tests: a fake clock, an HTTP port pointed at a local server). */
export function setRuntimePorts(overrides: Partial<ServerPorts>): void {
  holder.switchboardPorts = { ...getRuntimePorts(), ...overrides };
}

/** Back to the real ports. */
export function resetRuntimePorts(): void {
  holder.switchboardPorts = undefined;
}
