/** Resolves on the next turn of the event loop: long work done a step per turn lets every game's request in between. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
