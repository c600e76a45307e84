import { runEngineBench } from "../sections/engine";
import { printSection } from "../lib/report";
const r = await runEngineBench({ runs: 1, quick: true, profile: false });
printSection(r);
