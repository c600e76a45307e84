import { getSqlite } from "../db/sqlite";
import { handleApi, jsonResponse } from "./apiError";

/** GET /api/v1/health: the database answers. */
export function healthRoute(): Promise<Response> {
  return handleApi(async () => {
    const flows = getSqlite().prepare<[], { count: number }>(`SELECT COUNT(*) AS count FROM Flow`).get()!.count;
    return jsonResponse({ status: "ok", flows, time: new Date().toISOString() });
  });
}
