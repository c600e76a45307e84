import { FlowsList } from "./_components/FlowsList";

export default function HomePage() {
  return <FlowsList />;
}
