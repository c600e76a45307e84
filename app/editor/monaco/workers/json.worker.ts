// Worker entry for Monaco's JSON language service. Bundled by Next through
// `new Worker(new URL("./workers/json.worker.ts", import.meta.url))` in monacoSetup.ts.
import "monaco-editor/language/json/json.worker";
