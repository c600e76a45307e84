// The demo API's handlers (app/api/demo/... re-export them).
import { bookingInputSchema, createBooking, getAvailability, getDemoOrder } from "../demo/demoService";
import { ApiError, handleApi, jsonResponse } from "./apiError";
import { readJsonBody } from "./readJsonBody";

/** GET /api/demo/orders/{orderNumber} */
export function demoOrderRoute(orderNumber: string): Promise<Response> {
  return handleApi(async () => jsonResponse(getDemoOrder(orderNumber)));
}

/** GET /api/demo/availability?date=YYYY-MM-DD&partySize=N */
export function demoAvailabilityRoute(request: Request): Promise<Response> {
  return handleApi(async () => {
    const params = new URL(request.url).searchParams;
    const date = params.get("date");
    const partySize = params.get("partySize");
    if (!date) throw new ApiError(400, "invalid_query", "date is required (YYYY-MM-DD)");
    if (!partySize || !/^\d+$/.test(partySize)) throw new ApiError(400, "invalid_query", "partySize is required (a whole number)");
    const { available, times } = getAvailability(date, Number(partySize));
    return jsonResponse({ date, partySize: Number(partySize), available, times });
  });
}

/** POST /api/demo/bookings */
export function demoBookingRoute(request: Request): Promise<Response> {
  return handleApi(async () => {
    const input = await readJsonBody(request, bookingInputSchema, { maxBytes: 8 * 1024 });
    return jsonResponse(createBooking(input), 201);
  });
}
