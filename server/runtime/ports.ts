// The real side effects the engine runs with on the server. Tests replace
// single ports with setRuntimePorts().
import type { RuntimePorts } from "../../flows/engine/types";
import { createHttpPort } from "./httpPort";
import { createNluPort, type NluPort } from "./nluPort";
import { readSecret } from "./secrets";

export interface ServerPorts extends RuntimePorts {
  nlu: NluPort;
}

let ports: ServerPorts | undefined;

export function getRuntimePorts(): ServerPorts {
  ports ??= {
    http: createHttpPort(),
    nlu: createNluPort(),
    clock: { now: () => Date.now() },
    random: () => Math.random(),
    secret: readSecret,
  };
  return ports;
}

/** Replaces some ports (tests: a fake clock, an HTTP port pointed at a local server). */
export function setRuntimePorts(overrides: Partial<ServerPorts>): void {
  ports = { ...getRuntimePorts(), ...overrides };
}

/** Back to the real ports. */
export function resetRuntimePorts(): void {
  ports = undefined;
}
