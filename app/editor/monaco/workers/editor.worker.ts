// Worker entry for Monaco's core editor worker (diffs, links, word completion).
import "monaco-editor/editor/editor.worker";
