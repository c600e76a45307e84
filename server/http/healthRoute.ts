import { getSqlite } from "../db/sqlite";
import { handleApi, jsonReply, type ApiReply } from "./apiError";

/** GET /api/v1/health: the database answers. */
export function healthRoute(): Promise<ApiReply> {
  return handleApi(() => {
    const flows = getSqlite().prepare<[], { count: number }>(`SELECT COUNT(*) AS count FROM Flow`).get()!.count;
    return jsonReply({ status: "ok", flows, time: new Date().toISOString() });
  });
}
