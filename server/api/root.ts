// The tRPC app router. The client imports only the AppRouter type.
import { chatRouter } from "./routers/chat";
import { flowsRouter } from "./routers/flows";
import { createCallerFactory, createContext, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  flows: flowsRouter,
  chat: chatRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (React server components, scripts, tests): `createCaller(createContext()).flows.list()`. */
export const createCaller = createCallerFactory(appRouter);

export { createContext };
