import { ComparePage } from "@/components/compare/ComparePage";

export const metadata = { title: "Compare · LLM Playground" };

export default function Compare() {
  return <ComparePage />;
}
