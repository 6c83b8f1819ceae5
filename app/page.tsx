import { Playground } from "@/components/playground/Playground";

export default function Home() {
  return <Playground />;
}
