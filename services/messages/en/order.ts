/** Sentences about offers, resellers and orders. */
export const order = {} as const;
