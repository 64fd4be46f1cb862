import seed from '../fixtures/seed.txt?raw'

/** The reference article, byte for byte as the publisher wrote it. */
export const SEED = seed
