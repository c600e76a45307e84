"use client";

import {
  BrainCircuit,
  CircleStop,
  GitBranch,
  Globe,
  Headset,
  MessageSquare,
  Play,
  Split,
  TextCursorInput,
  Variable,
  type LucideIcon,
  type LucideProps,
} from "lucide-react";
import type { IconName } from "lucide-react/dynamic";
import { lazy, Suspense } from "react";

/**
 * Icons of today's node types, bundled for an instant first paint. Any other
 * lucide name (a new node type) still works: it is loaded on demand from the
 * local bundle (never a CDN), so adding a node type needs no edit here.
 * lucide's dynamic loader (an import entry for every icon, ~280 KB) is itself
 * loaded only when such a name shows up.
 */
const DynamicIcon = lazy(() => import("lucide-react/dynamic").then((module) => ({ default: module.DynamicIcon })));

const bundled: Record<string, LucideIcon> = {
  BrainCircuit,
  CircleStop,
  GitBranch,
  Globe,
  Headset,
  MessageSquare,
  Play,
  Split,
  TextCursorInput,
  Variable,
};

/** Renders a lucide icon by its PascalCase name, as node definitions give it. */
export function NodeIcon({ name, ...props }: { name: string } & LucideProps) {
  const Icon = bundled[name];
  if (Icon) return <Icon aria-hidden {...props} />;
  const kebab = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase() as IconName;
  const placeholder = <span style={{ width: props.width ?? 16, height: props.height ?? 16, display: "inline-block" }} />;
  return (
    <Suspense fallback={placeholder}>
      <DynamicIcon name={kebab} aria-hidden {...props} fallback={() => placeholder} />
    </Suspense>
  );
}
