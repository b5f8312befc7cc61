// The reference decoder for tracemark's tests and `bench verify --zxing-cpp`: zxing-cpp compiled to
// WebAssembly (npm package zxing-wasm, installed by `npm ci` in this folder; the .wasm is loaded from
// node_modules, never fetched). Usage: node read.mjs IMAGE...  Prints one JSON object per image and
// line: {"file", "read", "text", "symbologyId", "format"}; text is plain (GS1 separators as ASCII 29).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";

const require = createRequire(import.meta.url);
const wasm = readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm"));
prepareZXingModule({ overrides: { wasmBinary: wasm }, fireImmediately: true });

const options = {
  formats: ["DataMatrix", "QRCode", "Code128"],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  textMode: "Plain",
  maxNumberOfSymbols: 1,
};

for (const file of process.argv.slice(2)) {
  const results = await readBarcodes(new Uint8Array(readFileSync(file)), options);
  const ok = results.find((r) => r.isValid);
  process.stdout.write(JSON.stringify(ok
    ? { file, read: true, text: ok.text, symbologyId: ok.symbologyIdentifier, format: ok.format }
    : { file, read: false, text: "", symbologyId: "", format: "" }) + "\n");
}
