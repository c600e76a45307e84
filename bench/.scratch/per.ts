import { runPersistenceBench } from "../sections/persistence";
import { printSection } from "../lib/report";
const r = await runPersistenceBench({ runs: 1, quick: true, profile: false });
printSection(r); console.log(JSON.stringify(r.details.rawCheck), JSON.stringify(r.details.prismaCheck));
