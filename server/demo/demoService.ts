// The demo API the example flows call (orders, restaurant availability and
// bookings), served by the app from its own database. Read on the hot-path
// connection: an API-call node hitting it is part of a chat turn.
// Order numbers are one capital letter and 7 digits, e.g. A1234567.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getSqlite, type SqliteDatabase } from "../db/sqlite";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

export const ORDER_NUMBER_PATTERN = /^[A-Z]\d{7}$/;

export type OrderStatus = "processing" | "shipped" | "delivered" | "cancelled";

export interface DemoOrderView {
  orderNumber: string;
  status: OrderStatus;
  statusText: { en: string; zh: string };
  eta: string;
  carrier: string;
  items: { name: string; qty: number }[];
}

export interface Availability {
  date: string;
  partySize: number;
  available: boolean;
  times: string[];
}

export const bookingInputSchema = z.object({
  name: z.string().trim().min(1, "Name is empty").max(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, "Phone number should be 8 to 20 digits, e.g. 9123 4567 or +852 9123 4567"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date must be YYYY-MM-DD").refine(isRealDate, "Not a real date"),
  time: z.string().regex(/^\d{2}:\d{2}$/, "Time must be HH:MM"),
  partySize: z.coerce.number().int("Party size must be a whole number").min(1).max(20),
});

export type BookingInput = z.output<typeof bookingInputSchema>;

export interface BookingView extends BookingInput {
  bookingId: string;
  status: "confirmed";
}

/** An order by number (case-insensitive, spaces ignored). */
export function getDemoOrder(rawNumber: string): DemoOrderView {
  const orderNumber = rawNumber.replace(/\s+/g, "").toUpperCase();
  const row = statements(getSqlite()).order.get(orderNumber);
  if (!row) throw new NotFoundError(`There is no order ${orderNumber}`);
  return {
    orderNumber: row.orderNumber,
    status: row.status,
    statusText: { en: row.statusTextEn, zh: row.statusTextZh },
    eta: row.eta,
    carrier: row.carrier,
    items: JSON.parse(row.items),
  };
}

/** Times with a free table for the party on that date (none for past dates). */
export function getAvailability(date: string, partySize: number, today: string = todayString()): Availability {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) {
    throw new ValidationError("Invalid date", [{ path: "date", message: "Use YYYY-MM-DD, e.g. 2026-12-24" }]);
  }
  if (!Number.isInteger(partySize) || partySize < 1 || partySize > 20) {
    throw new ValidationError("Invalid party size", [{ path: "partySize", message: "Use a whole number from 1 to 20" }]);
  }
  const times = date < today ? [] : statements(getSqlite()).freeTimes.all({ date, partySize }).map((row) => row.time);
  return { date, partySize, available: times.length > 0, times };
}

/** Books a table if the time is still free. */
export function createBooking(input: BookingInput, now = Date.now()): BookingView {
  const db = getSqlite();
  const s = statements(db);
  return db
    .transaction((): BookingView => {
      const slot = s.slot.get(input.time);
      if (!slot) throw new ValidationError("Invalid time", [{ path: "time", message: `We take bookings at ${s.allTimes.all().map((r) => r.time).join(", ")}` }]);
      if (input.partySize > slot.maxPartySize) {
        throw new ConflictError(`Tables at ${input.time} seat up to ${slot.maxPartySize}`);
      }
      if (input.date < todayString(now)) throw new ConflictError("That date has passed");
      const taken = s.bookedCount.get(input.date, input.time)!.count;
      if (taken >= slot.tables) throw new ConflictError(`${input.time} on ${input.date} is fully booked`);
      const bookingId = `BK${randomBytes(4).toString("hex").toUpperCase()}`;
      s.insertBooking.run(bookingId, input.name, input.phone, input.date, input.time, input.partySize, now);
      return { bookingId, status: "confirmed", ...input };
    })
    .immediate();
}

function todayString(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

type OrderRow = { orderNumber: string; status: OrderStatus; statusTextEn: string; statusTextZh: string; eta: string; carrier: string; items: string };

const cache = new WeakMap<SqliteDatabase, ReturnType<typeof prepare>>();

function statements(db: SqliteDatabase) {
  let prepared = cache.get(db);
  if (!prepared) {
    prepared = prepare(db);
    cache.set(db, prepared);
  }
  return prepared;
}

function prepare(db: SqliteDatabase) {
  return {
    order: db.prepare<[string], OrderRow>(`SELECT orderNumber, status, statusTextEn, statusTextZh, eta, carrier, items FROM DemoOrder WHERE orderNumber = ?`),
    freeTimes: db.prepare<[{ date: string; partySize: number }], { time: string }>(
      `SELECT s.time FROM DemoBookingSlot s
       WHERE s.maxPartySize >= @partySize
         AND (SELECT COUNT(*) FROM DemoBooking b WHERE b.date = @date AND b.time = s.time) < s.tables
       ORDER BY s.time`,
    ),
    slot: db.prepare<[string], { time: string; tables: number; maxPartySize: number }>(`SELECT time, tables, maxPartySize FROM DemoBookingSlot WHERE time = ?`),
    allTimes: db.prepare<[], { time: string }>(`SELECT time FROM DemoBookingSlot ORDER BY time`),
    bookedCount: db.prepare<[string, string], { count: number }>(`SELECT COUNT(*) AS count FROM DemoBooking WHERE date = ? AND time = ?`),
    insertBooking: db.prepare<[string, string, string, string, string, number, number]>(
      `INSERT INTO DemoBooking (id, name, phone, date, time, partySize, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}
