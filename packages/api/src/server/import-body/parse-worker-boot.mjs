// Worker threads start from plain JavaScript: register the TypeScript loader (as the server
// process does with `--import tsx`), then load the worker itself.
import { register } from "tsx/esm/api";

register();
await import(new URL("./parse-worker.ts", import.meta.url).href);
