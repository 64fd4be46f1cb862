// workerd only: Workers can't compile wasm from bytes at run time ("Wasm code generation disallowed
// by embedder"), so both modules are imported; wrangler bundles *.wasm as compiled modules.
import yoga from 'satori/yoga.wasm'
import resvg from '@resvg/resvg-wasm/index_bg.wasm'
import { initRenderer } from './render'

export const wasmReady = initRenderer(yoga, resvg)
