import { EvaluatePage } from "@/components/evaluate/EvaluatePage";

export const metadata = { title: "Evaluate · LLM Playground" };

export default function Evaluate() {
  return <EvaluatePage />;
}
