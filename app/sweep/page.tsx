import { SweepPage } from "@/components/sweep/SweepPage";

export const metadata = { title: "Sweep · LLM Playground" };

export default function Sweep() {
  return <SweepPage />;
}
