/** Sentences about account info, primary contact and the MCA. */
export const account = {} as const;
