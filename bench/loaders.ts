/**
 * How a bench starts a child Node process: with the loaders `npm run bench` itself runs under, tsx
 * for TypeScript and the text modules the Worker's code imports (.css, .yml).
 */
export const NODE_LOADERS = ['--import', 'tsx', '--import', './scripts/lib/text-modules.mjs']
