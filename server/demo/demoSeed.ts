// Demo data for the demo API: 20 orders (one capital letter + 7 digits, e.g.
// A1234567) in every status, and the restaurant's bookable times. Idempotent:
// orders are upserted (ETAs move with the seed date), slots replaced.
import { getPrisma } from "../db/prisma";
import type { OrderStatus } from "./demoService";

const STATUS_TEXT: Record<OrderStatus, { en: string; zh: string }> = {
  processing: { en: "Being prepared", zh: "準備緊" },
  shipped: { en: "On its way", zh: "已寄出，運送中" },
  delivered: { en: "Delivered", zh: "已送達" },
  cancelled: { en: "Cancelled", zh: "已取消" },
};

const CARRIERS = ["SF Express", "Hongkong Post", "DHL Express", "Kerry Express"];
const PRODUCTS = ["Wireless earbuds", "Phone case", "USB-C charger", "Smart watch strap", "Bluetooth speaker", "Laptop sleeve", "Power bank", "HDMI cable"];

/** The demo orders: [orderNumber, status, ETA offset in days from the seed date]. */
export const DEMO_ORDERS: [string, OrderStatus, number][] = [
  ["A1234567", "shipped", 2],
  ["A2345678", "processing", 5],
  ["A3456789", "delivered", -3],
  ["A4567890", "cancelled", 0],
  ["B1000001", "shipped", 1],
  ["B1000002", "shipped", 3],
  ["B1000003", "processing", 4],
  ["B1000004", "processing", 7],
  ["B1000005", "delivered", -1],
  ["B1000006", "delivered", -7],
  ["B1000007", "cancelled", 0],
  ["C2000001", "shipped", 2],
  ["C2000002", "processing", 6],
  ["C2000003", "delivered", -2],
  ["C2000004", "shipped", 1],
  ["C2000005", "processing", 3],
  ["C2000006", "delivered", -10],
  ["C2000007", "shipped", 4],
  ["C2000008", "cancelled", 0],
  ["C2000009", "processing", 9],
];

export const DEMO_SLOTS: { time: string; tables: number; maxPartySize: number }[] = [
  { time: "12:00", tables: 4, maxPartySize: 8 },
  { time: "12:30", tables: 4, maxPartySize: 8 },
  { time: "13:00", tables: 3, maxPartySize: 8 },
  { time: "18:00", tables: 4, maxPartySize: 10 },
  { time: "18:30", tables: 3, maxPartySize: 10 },
  { time: "19:00", tables: 3, maxPartySize: 12 },
  { time: "19:30", tables: 3, maxPartySize: 10 },
  { time: "20:00", tables: 2, maxPartySize: 8 },
  { time: "20:30", tables: 2, maxPartySize: 6 },
];

export async function seedDemoData(now = new Date()): Promise<{ orders: number; slots: number }> {
  const prisma = getPrisma();
  const day = 24 * 60 * 60 * 1000;
  await prisma.$transaction(async (tx) => {
    for (const [index, [orderNumber, status, etaDays]] of DEMO_ORDERS.entries()) {
      const items = [
        { name: PRODUCTS[index % PRODUCTS.length], qty: 1 + (index % 3) },
        ...(index % 2 === 0 ? [{ name: PRODUCTS[(index + 3) % PRODUCTS.length], qty: 1 }] : []),
      ];
      const data = {
        status,
        statusTextEn: STATUS_TEXT[status].en,
        statusTextZh: STATUS_TEXT[status].zh,
        eta: new Date(now.getTime() + etaDays * day).toISOString().slice(0, 10),
        carrier: CARRIERS[index % CARRIERS.length],
        items: JSON.stringify(items),
      };
      await tx.demoOrder.upsert({ where: { orderNumber }, create: { orderNumber, ...data }, update: data });
    }
    await tx.demoBookingSlot.deleteMany({});
    await tx.demoBookingSlot.createMany({ data: DEMO_SLOTS });
  });
  return { orders: DEMO_ORDERS.length, slots: DEMO_SLOTS.length };
}
