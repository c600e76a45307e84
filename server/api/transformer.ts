// The tRPC wire format, shared by the server (server/api/trpc.ts) and the
// browser's client (app/_trpc): superjson, so Dates survive the wire.
import superjson, { type SuperJSONResult } from "superjson";

export const wireTransformer = {
  serialize: (value: unknown): SuperJSONResult => superjson.serialize(value),
  // A payload arrives freshly parsed from JSON and nothing else holds it, so it is
  // revived in place. superjson's default deep-copies it first, which for a
  // 1,000-node flow document costs the server's main thread tens of milliseconds.
  deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload, { inPlace: true }),
};
