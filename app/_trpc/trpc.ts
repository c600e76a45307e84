// Typed tRPC hooks for client components:
//   const trpc = useTRPC();
//   const flows = useQuery(trpc.flows.list.queryOptions());
//   const save = useMutation(trpc.flows.saveDraft.mutationOptions());
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
export type { AppRouter };
