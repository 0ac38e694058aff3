/** The self-evaluation (自评表, SPEC §12): scoring, weights, and the generated sheet. */

export * from './score';
export * from './weights';
export * from './evaluate';
export * from './sheet';
