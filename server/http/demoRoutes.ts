// The demo API's routes (served by server/http/apiServer.ts): the orders and
// bookings the example flows call.
import { bookingInputSchema, createBooking, getAvailability, getDemoOrder } from "../demo/demoService";
import { ApiError, handleApi, jsonReply, type ApiReply } from "./apiError";
import { readJsonBody, type RequestBody } from "./readJsonBody";

/** GET /api/demo/orders/{orderNumber} */
export function demoOrderRoute(orderNumber: string): Promise<ApiReply> {
  return handleApi(() => jsonReply(getDemoOrder(orderNumber)));
}

/** GET /api/demo/availability?date=YYYY-MM-DD&partySize=N */
export function demoAvailabilityRoute(query: URLSearchParams): Promise<ApiReply> {
  return handleApi(() => {
    const date = query.get("date");
    const partySize = query.get("partySize");
    if (!date) throw new ApiError(400, "invalid_query", "date is required (YYYY-MM-DD)");
    if (!partySize || !/^\d+$/.test(partySize)) throw new ApiError(400, "invalid_query", "partySize is required (a whole number)");
    const { available, times } = getAvailability(date, Number(partySize));
    return jsonReply({ date, partySize: Number(partySize), available, times });
  });
}

/** POST /api/demo/bookings */
export function demoBookingRoute(body: RequestBody): Promise<ApiReply> {
  return handleApi(async () => {
    const input = await readJsonBody(body, bookingInputSchema, { maxBytes: 8 * 1024 });
    return jsonReply(createBooking(input), 201);
  });
}
