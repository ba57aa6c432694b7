/** English words for what games send: verbs, object types, results (a statement read as "completed level \"1\""). */
export const vocabulary = {};
