// The configuration docs/EMBEDDING.md gives for Vite: its dev server pre-bundles dependencies into
// node_modules/.vite/deps/, away from the .wasm, stylesheet and sets that the package loads
// from beside its index.js (`new URL(..., import.meta.url)`); leaving swanilai out keeps them
// together. (`vite build` does not pre-bundle; it copies the files, see embed-vite.test.mjs.)
export default {
  optimizeDeps: { exclude: ['swanilai'] },
};
