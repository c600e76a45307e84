import * as Lucide from "lucide-react";
import type { LucideIcon, LucideProps } from "lucide-react";

const icons = Lucide as unknown as Record<string, LucideIcon | undefined>;

/** Renders a lucide icon by name (node definitions name their icon); a box when the name is unknown. */
export function NodeIcon({ name, ...props }: { name: string } & LucideProps) {
  const Icon = icons[name] ?? Lucide.Box;
  return <Icon aria-hidden {...props} />;
}
