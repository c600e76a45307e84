"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Download, FilePlus2, Loader2, Pencil, Plus, Search, Trash2, Upload, Workflow } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC, useTRPCClient } from "@/app/_trpc/trpc";
import { Button, IconButton } from "./Button";
import { Dialog } from "./Dialog";
import { formatRelativeTime } from "./formatTime";
import { errorMessage, trpcProblems, type ServerProblem } from "./trpcErrors";

interface FlowRow {
  id: string;
  slug: string;
  name: string;
  updatedAt: Date | string;
  draftRevision: number;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
}

/** The flows list (home page): search, create, rename, duplicate, delete, import, export. */
export function FlowsList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const queryClient = useQueryClient();
  const flows = useQuery({ ...trpc.flows.list.queryOptions(), refetchOnMount: "always" });
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowRow | null>(null);
  const [deleting, setDeleting] = useState<FlowRow | null>(null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: ServerProblem[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });

  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: () => {
        toast.success("Flow duplicated");
        void invalidate();
      },
      onError: (error) => toast.error(`Could not duplicate: ${error.message}`),
    }),
  );

  const rows = useMemo(() => {
    const list = (flows.data ?? []) as FlowRow[];
    const q = query.trim().toLowerCase();
    return q ? list.filter((f) => f.name.toLowerCase().includes(q) || f.slug.toLowerCase().includes(q)) : list;
  }, [flows.data, query]);

  async function exportFlow(flow: FlowRow) {
    try {
      const document = await client.flows.export.query({ id: flow.id });
      const blob = new Blob([JSON.stringify(document, null, 2) + "\n"], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = Object.assign(window.document.createElement("a"), { href: url, download: `${flow.slug || "flow"}.json` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      toast.error(`Export failed: ${errorMessage(error)}`);
    }
  }

  async function importFile(file: File) {
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch (error) {
      setImportProblems({ file: file.name, problems: [{ path: "", message: `Not valid JSON: ${errorMessage(error)}` }] });
      return;
    }
    try {
      const { id } = await client.flows.import.mutate({ document });
      toast.success(`Imported “${file.name}”`);
      void invalidate();
      router.push(`/flows/${id}`);
    } catch (error) {
      const problems = trpcProblems(error);
      setImportProblems({ file: file.name, problems: problems.length ? problems : [{ path: "", message: errorMessage(error) }] });
    }
  }

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-6">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-accent-600 text-white">
            <Workflow className="h-4.5 w-4.5" aria-hidden />
          </span>
          <span className="text-[15px] font-semibold">Switchboard</span>
          <span className="text-sm text-slate-400">Dialog flows</span>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="mb-5 flex flex-wrap items-center gap-3">
          <h1 className="mr-auto text-xl font-semibold">Flows</h1>
          <label className="relative">
            <span className="sr-only">Search flows</span>
            <Search className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-slate-400" aria-hidden />
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Search flows"
              className="h-8 w-64 rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none"
            />
          </label>
          <Button onClick={() => fileInput.current?.click()}>
            <Upload className="h-4 w-4" aria-hidden /> Import JSON
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="hidden"
            aria-label="Import a flow JSON file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void importFile(file);
            }}
          />
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus className="h-4 w-4" aria-hidden /> New flow
          </Button>
        </div>

        {flows.isLoading ? (
          <div className="flex items-center gap-2 py-16 text-sm text-slate-500" aria-busy>
            <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> Loading flows…
          </div>
        ) : flows.error ? (
          <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-700">
            Could not load flows: {flows.error.message}{" "}
            <button className="font-medium underline" onClick={() => void flows.refetch()}>
              Try again
            </button>
          </div>
        ) : (flows.data ?? []).length === 0 ? (
          <EmptyState onCreate={() => setCreating(true)} onImport={() => fileInput.current?.click()} />
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium text-slate-500">
                <tr>
                  <th className="px-4 py-2.5 font-medium">Name</th>
                  <th className="px-4 py-2.5 font-medium">Status</th>
                  <th className="px-4 py-2.5 font-medium">Last edited</th>
                  <th className="px-4 py-2.5 text-right font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((flow) => (
                  <tr key={flow.id} className="group hover:bg-slate-50/70" data-testid="flow-row">
                    <td className="px-4 py-3">
                      <Link href={`/flows/${flow.id}`} className="font-medium text-slate-900 hover:text-accent-700 hover:underline">
                        {flow.name}
                      </Link>
                      <div className="font-mono text-[11px] text-slate-400">{flow.slug}</div>
                    </td>
                    <td className="px-4 py-3">
                      <StatusChip flow={flow} />
                    </td>
                    <td className="px-4 py-3 text-slate-500" title={new Date(flow.updatedAt).toLocaleString()}>
                      {formatRelativeTime(flow.updatedAt)}
                    </td>
                    <td className="px-4 py-2">
                      <div className="flex justify-end gap-0.5">
                        <IconButton aria-label={`Rename ${flow.name}`} onClick={() => setRenaming(flow)}>
                          <Pencil className="h-4 w-4" />
                        </IconButton>
                        <IconButton aria-label={`Duplicate ${flow.name}`} disabled={duplicate.isPending} onClick={() => duplicate.mutate({ id: flow.id })}>
                          <Copy className="h-4 w-4" />
                        </IconButton>
                        <IconButton aria-label={`Export ${flow.name} as JSON`} onClick={() => void exportFlow(flow)}>
                          <Download className="h-4 w-4" />
                        </IconButton>
                        <IconButton aria-label={`Delete ${flow.name}`} className="hover:!bg-red-50 hover:!text-red-600" onClick={() => setDeleting(flow)}>
                          <Trash2 className="h-4 w-4" />
                        </IconButton>
                      </div>
                    </td>
                  </tr>
                ))}
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="px-4 py-10 text-center text-sm text-slate-500">
                      No flow matches “{query}”.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        )}
      </main>

      <CreateFlowDialog open={creating} onClose={() => setCreating(false)} onCreated={(id) => router.push(`/flows/${id}`)} />
      <RenameDialog flow={renaming} onClose={() => setRenaming(null)} onDone={() => void invalidate()} />
      <DeleteDialog flow={deleting} onClose={() => setDeleting(null)} onDone={() => void invalidate()} />
      <Dialog
        open={importProblems !== null}
        onClose={() => setImportProblems(null)}
        title="This file cannot be imported"
        description={importProblems ? `${importProblems.file} has ${importProblems.problems.length} problem${importProblems.problems.length === 1 ? "" : "s"}:` : null}
        width="max-w-xl"
        footer={<Button onClick={() => setImportProblems(null)}>Close</Button>}
      >
        <ul className="space-y-1.5 text-sm" data-testid="import-problems">
          {importProblems?.problems.map((p, i) => (
            <li key={i} className="rounded-md bg-red-50 px-2.5 py-1.5 text-red-800">
              {p.path ? <code className="mr-1.5 font-mono text-xs text-red-600">{p.path}</code> : null}
              {p.message}
            </li>
          ))}
        </ul>
      </Dialog>
    </div>
  );
}

function StatusChip({ flow }: { flow: FlowRow }) {
  if (flow.publishedVersion === null) {
    return <span className="inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Draft · never published</span>;
  }
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <span className="rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-700 ring-1 ring-emerald-200">Published v{flow.publishedVersion}</span>
      {flow.hasUnpublishedChanges ? <span className="text-amber-700">unpublished changes</span> : null}
    </span>
  );
}

function EmptyState({ onCreate, onImport }: { onCreate(): void; onImport(): void }) {
  return (
    <div className="flex flex-col items-center rounded-xl border-2 border-dashed border-slate-200 bg-white px-6 py-16 text-center">
      <span className="mb-4 flex h-12 w-12 items-center justify-center rounded-xl bg-accent-50 text-accent-600">
        <FilePlus2 className="h-6 w-6" aria-hidden />
      </span>
      <h2 className="text-base font-semibold">No flows yet</h2>
      <p className="mt-1 max-w-sm text-sm text-slate-500">
        A flow is a conversation your bot has with customers. Start from a blank canvas or one of the example flows.
      </p>
      <div className="mt-5 flex gap-2">
        <Button onClick={onImport}>
          <Upload className="h-4 w-4" aria-hidden /> Import JSON
        </Button>
        <Button variant="primary" onClick={onCreate}>
          <Plus className="h-4 w-4" aria-hidden /> Create your first flow
        </Button>
      </div>
    </div>
  );
}

function CreateFlowDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(id: string): void }) {
  const trpc = useTRPC();
  const templates = useQuery({ ...trpc.flows.templates.queryOptions(), enabled: open });
  const [name, setName] = useState("");
  const [template, setTemplate] = useState("blank");
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: ({ id }) => {
        onClose();
        setName("");
        onCreated(id);
      },
      onError: (error) => toast.error(`Could not create the flow: ${error.message}`),
    }),
  );
  const options = useMemo(() => {
    const list = (templates.data ?? []) as { id: string; name: string; description: string }[];
    return list.some((t) => t.id === "blank") ? list : [{ id: "blank", name: "Blank", description: "A start node and a welcome message." }, ...list];
  }, [templates.data]);
  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = options.find((t) => t.id === template);
    const finalName = name.trim() || (chosen && chosen.id !== "blank" ? chosen.name : "Untitled flow");
    create.mutate({ name: finalName, ...(template !== "blank" ? { template } : {}) });
  }
  return (
    <Dialog open={open} onClose={onClose} title="New flow" width="max-w-lg">
      <form onSubmit={submit} className="space-y-4">
        <div>
          <label htmlFor="new-flow-name" className="mb-1 block text-xs font-medium text-slate-700">
            Name
          </label>
          <input
            id="new-flow-name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Order status 訂單查詢"
            maxLength={200}
            className="h-9 w-full rounded-md border border-slate-300 px-2.5 text-sm focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none"
          />
        </div>
        <fieldset>
          <legend className="mb-1.5 text-xs font-medium text-slate-700">Start from</legend>
          <div className="grid max-h-72 gap-2 overflow-y-auto pr-1">
            {options.map((t) => (
              <label
                key={t.id}
                className={`flex cursor-pointer gap-2.5 rounded-lg border p-2.5 text-sm transition-colors ${
                  template === t.id ? "border-accent-500 bg-accent-50/60 ring-1 ring-accent-500" : "border-slate-200 hover:border-slate-300"
                }`}
              >
                <input type="radio" name="template" value={t.id} checked={template === t.id} onChange={() => setTemplate(t.id)} className="mt-0.5 accent-accent-600" />
                <span>
                  <span className="block font-medium text-slate-900">{t.name}</span>
                  {t.description ? <span className="block text-xs text-slate-500">{t.description}</span> : null}
                </span>
              </label>
            ))}
            {templates.isLoading ? <p className="text-xs text-slate-400">Loading examples…</p> : null}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null} Create flow
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RenameDialog({ flow, onClose, onDone }: { flow: FlowRow | null; onClose(): void; onDone(): void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [forId, setForId] = useState<string | null>(null);
  if (flow && forId !== flow.id) {
    setForId(flow.id);
    setName(flow.name);
  }
  const rename = useMutation(
    trpc.flows.rename.mutationOptions({
      onSuccess: () => {
        toast.success("Flow renamed");
        onDone();
        onClose();
      },
      onError: (error) => toast.error(`Could not rename: ${error.message}`),
    }),
  );
  return (
    <Dialog open={flow !== null} onClose={() => { setForId(null); onClose(); }} title="Rename flow">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (flow && name.trim()) rename.mutate({ id: flow.id, name: name.trim() });
        }}
        className="space-y-4"
      >
        <label htmlFor="rename-flow" className="sr-only">
          Name
        </label>
        <input
          id="rename-flow"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          className="h-9 w-full rounded-md border border-slate-300 px-2.5 text-sm focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none"
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || rename.isPending}>
            Rename
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteDialog({ flow, onClose, onDone }: { flow: FlowRow | null; onClose(): void; onDone(): void }) {
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.flows.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Flow deleted");
        onDone();
        onClose();
      },
      onError: (error) => toast.error(`Could not delete: ${error.message}`),
    }),
  );
  return (
    <Dialog
      open={flow !== null}
      onClose={onClose}
      title={`Delete “${flow?.name ?? ""}”?`}
      description={
        flow?.publishedVersion != null
          ? "The flow, its draft and all published versions are removed. Customers using it will no longer reach it. This cannot be undone."
          : "The flow and its draft are removed. This cannot be undone."
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => flow && remove.mutate({ id: flow.id })}>
            Delete flow
          </Button>
        </>
      }
    />
  );
}
